// Strategia's small progressive enhancements. No inline scripts anywhere (strict CSP).
(function () {
  "use strict";
  function focusErrorSummary(root) {
    var summary = (root || document).querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  }
  // The browser skips a page's autofocus when the address has a #fragment (HTML's autofocus rules), and
  // whether it applies then depends on timing; focus the marked element ourselves so keyboard users land
  // where the page promises (e.g. the "Popieram" button after logging in from it).
  function focusAutofocus() {
    var el = document.querySelector("[autofocus]");
    if (el && (!document.activeElement || document.activeElement === document.body)) { el.focus(); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    focusErrorSummary(document);
    focusAutofocus();
  });
  // After an htmx swap, move focus to the error summary or to the element marked data-focus-after-swap,
  // so screen-reader users hear the change.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    var focusTarget = target.querySelector("[data-error-summary]") || target.querySelector("[data-focus-after-swap]");
    if (focusTarget) { focusTarget.focus(); }
  });
  // Confirmation for destructive buttons: <button data-confirm="...">.
  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-confirm]");
    if (el && !window.confirm(el.getAttribute("data-confirm"))) { event.preventDefault(); }
  });
  // htmx: send the CSRF token from the meta tag.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) { event.detail.headers["X-CSRFToken"] = meta.content; }
  });
})();
