// Document editor (back-office): after an action the page reloads at the edited item (#chapter-12,
// #paragraph-40, #preview-title). Move keyboard focus there too, so the next Tab continues from the item
// instead of from the top of the page. Only for targets inside [data-editor-focus-targets].
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.location.hash || document.querySelector("[data-error-summary]")) { return; }
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (!target || !target.closest("[data-editor-focus-targets]")) { return; }
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.focus({ preventScroll: false });
  });
})();
