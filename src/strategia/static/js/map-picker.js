// The map picker of the idea form: an optional pin on a Leaflet map that fills the hidden latitude/longitude
// inputs. Progressive enhancement: without JavaScript (or without Leaflet) the block stays hidden and the form
// works with the locality and the address. Mounted from data- attributes; no inline script (strict CSP).
//
// Phones: one finger scrolls the page (dragging is off on touch screens, so the map does not trap the scroll),
// two fingers move and zoom the map (Leaflet's pinch handler), and a one-finger swipe over the map shows a hint.
// Keyboard: the map takes focus, the arrow keys move it, + and - zoom, Enter puts the pin in its middle.
(function () {
  "use strict";

  function format(template, lat, lon) {
    return template.replace("%(lat)s", lat).replace("%(lon)s", lon);
  }

  function mount(root) {
    if (typeof window.L === "undefined") { return; }
    var L = window.L;
    var form = root.closest("form");
    var latInput = form.querySelector("[data-map-latitude]");
    var lonInput = form.querySelector("[data-map-longitude]");
    var canvas = root.querySelector("[data-map-canvas]");
    var status = root.querySelector("[data-map-status]");
    var clear = root.querySelector("[data-map-clear]");
    var touch = L.Browser.touch && L.Browser.mobile;
    root.hidden = false;

    var startLat = parseFloat(latInput.value);
    var startLon = parseFloat(lonInput.value);
    var hasPin = !isNaN(startLat) && !isNaN(startLon);
    var centre = hasPin ? [startLat, startLon]
      : [parseFloat(root.dataset.centreLat) || 52.07, parseFloat(root.dataset.centreLon) || 19.48];
    var zoom = hasPin ? 15 : (parseInt(root.dataset.zoom, 10) || 6);

    var map = L.map(canvas, {
      center: centre, zoom: zoom, scrollWheelZoom: false, dragging: !touch, touchZoom: true,
      keyboard: true, attributionControl: true
    });
    L.tileLayer(root.dataset.tileUrl, {maxZoom: 19, attribution: root.dataset.attribution}).addTo(map);
    var marker = null;

    function describe() {
      if (marker) {
        var p = marker.getLatLng();
        status.textContent = format(root.dataset.labelPlaced, p.lat.toFixed(5), p.lng.toFixed(5));
      } else {
        status.textContent = root.dataset.labelNone;
      }
      clear.hidden = !marker;
    }

    function store(latlng) {
      latInput.value = latlng.lat.toFixed(6);
      lonInput.value = latlng.lng.toFixed(6);
      describe();
    }

    function place(latlng) {
      if (marker) {
        marker.setLatLng(latlng);
      } else {
        marker = L.marker(latlng, {draggable: true, keyboard: false, alt: root.dataset.labelPin}).addTo(map);
        marker.on("dragend", function () { store(marker.getLatLng()); });
      }
      store(latlng);
    }

    if (hasPin) { place(L.latLng(startLat, startLon)); } else { describe(); }
    map.on("click", function (event) { place(event.latlng); });
    canvas.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target === canvas) {
        event.preventDefault();
        place(map.getCenter());
      }
    });
    clear.addEventListener("click", function () {
      if (marker) { map.removeLayer(marker); marker = null; }
      latInput.value = "";
      lonInput.value = "";
      describe();
    });

    if (touch) {
      var hint = document.createElement("p");
      hint.className = "map-picker-touch-hint";
      hint.setAttribute("aria-hidden", "true");
      hint.textContent = root.dataset.labelTwoFingers;
      hint.hidden = true;
      canvas.appendChild(hint);
      var timer = null;
      canvas.addEventListener("touchmove", function (event) {
        if (event.touches.length === 1) {
          hint.hidden = false;
          window.clearTimeout(timer);
          timer = window.setTimeout(function () { hint.hidden = true; }, 1500);
        } else {
          hint.hidden = true;
        }
      }, {passive: true});
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var roots = document.querySelectorAll("[data-map-picker]");
    for (var i = 0; i < roots.length; i++) { mount(roots[i]); }
  });
})();
