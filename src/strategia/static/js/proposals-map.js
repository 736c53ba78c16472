// The map of ideas (clustered markers loaded from a JSON URL) and the small map of one idea's point.
// Mounted from data- attributes; no inline scripts or styles (strict CSP). Needs Leaflet and, for the map of ideas,
// Leaflet.markercluster (static/vendor/leaflet/). The page lists every idea without the map: this is an extra.
(function () {
  "use strict";

  function text(tag, className, content) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (content !== undefined) { el.textContent = content; }
    return el;
  }

  function tiles(el) {
    return L.tileLayer(el.getAttribute("data-tile-url"), { maxZoom: 19 });
  }

  function pinIcon(label) {
    var html = text("span", "proposals-pin");
    if (label) { html.appendChild(text("span", "visually-hidden", label)); }
    return L.divIcon({ html: html, className: "proposals-pin-icon", iconSize: [22, 22], iconAnchor: [11, 22],
                       popupAnchor: [0, -22] });
  }

  function popup(point, el) {
    var box = text("div", "proposals-popup");
    var title = text("p", "proposals-popup-title");
    var link = text("a", "", el.getAttribute("data-number-label") + " " + point.number + ": " + point.title);
    link.href = point.url;
    title.appendChild(link);
    box.appendChild(title);
    box.appendChild(text("p", "", point.theme + " · " + point.status));
    box.appendChild(text("p", "", el.getAttribute("data-supports-label") + ": " + point.supports));
    return box;
  }

  function clusterIcon(el) {
    var label = el.getAttribute("data-cluster-label");
    return function (cluster) {
      var html = text("span", "proposals-cluster-count");
      var count = cluster.getChildCount();
      html.appendChild(text("span", "", String(count)));
      html.appendChild(text("span", "visually-hidden", " " + label));
      return L.divIcon({ html: html, className: "proposals-cluster", iconSize: [40, 40] });
    };
  }

  function mountIdeasMap(el) {
    el.textContent = "";
    // No fade or zoom animations: markers are never half-transparent (contrast) and nothing moves on its own.
    var map = L.map(el, {
      attributionControl: false,
      zoomControl: false,
      scrollWheelZoom: false,
      tap: false,
      fadeAnimation: false,
      zoomAnimation: false,
      markerZoomAnimation: false
    }).setView([52.07, 19.48], 6);
    L.control.zoom({ zoomInTitle: el.getAttribute("data-zoom-in"),
                     zoomOutTitle: el.getAttribute("data-zoom-out") }).addTo(map);
    L.control.attribution({ prefix: false }).addAttribution(el.getAttribute("data-tile-attribution")).addTo(map);
    tiles(el).addTo(map);
    var group = L.markerClusterGroup({ iconCreateFunction: clusterIcon(el), showCoverageOnHover: false,
                                       animate: false, animateAddingMarkers: false });
    map.addLayer(group);
    fetch(el.getAttribute("data-points-url"), { headers: { "Accept": "application/json" },
                                                credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var bounds = [];
        data.points.forEach(function (point) {
          var marker = L.marker([point.lat, point.lng], {
            icon: pinIcon(el.getAttribute("data-number-label") + " " + point.number + ": " + point.title),
            title: point.title,
            keyboard: true
          });
          marker.bindPopup(popup(point, el));
          group.addLayer(marker);
          bounds.push([point.lat, point.lng]);
        });
        if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 }); }
        el.setAttribute("data-loaded", String(data.count));
      });
  }

  function mountPointMap(el) {
    el.textContent = "";
    var lat = parseFloat(el.getAttribute("data-lat"));
    var lng = parseFloat(el.getAttribute("data-lng"));
    var map = L.map(el, {
      attributionControl: false, zoomControl: false, dragging: false, keyboard: false, scrollWheelZoom: false,
      doubleClickZoom: false, boxZoom: false, touchZoom: false, tap: false
    }).setView([lat, lng], 15);
    tiles(el).addTo(map);
    L.marker([lat, lng], { icon: pinIcon(""), keyboard: false, interactive: false }).addTo(map);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof L === "undefined") { return; }
    document.querySelectorAll("[data-proposals-map]").forEach(mountIdeasMap);
    document.querySelectorAll("[data-proposal-point]").forEach(mountPointMap);
  });
})();
