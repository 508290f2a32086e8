// Welcome Kit map: turns #wk-map (rendered by the server with its markers and
// translated labels in data attributes) into a Leaflet map. Leaflet is loaded
// only when a map is on the page; the markers follow the element's data if a
// script ever replaces it.
(function () {
  "use strict";
  var VENDOR = "/vendor/";
  var loading = null;
  var state = { el: null, map: null, layer: null, data: null, observer: null };

  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { node[k] = attrs[k]; });
      node.onload = resolve;
      node.onerror = reject;
      document.head.appendChild(node);
    });
  }

  function leaflet() {
    if (!loading) {
      loading = Promise.all([
        load("link", { rel: "stylesheet", href: VENDOR + "leaflet/leaflet.css" }),
        load("link", { rel: "stylesheet", href: VENDOR + "leaflet.markercluster/MarkerCluster.css" }),
        load("link", { rel: "stylesheet", href: VENDOR + "leaflet.markercluster/MarkerCluster.Default.css" }),
        load("script", { src: VENDOR + "leaflet/leaflet.js" })
      ]).then(function () {
        return load("script", { src: VENDOR + "leaflet.markercluster/leaflet.markercluster.js" });
      });
    }
    return loading;
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function markers(el) {
    var L = window.L;
    var approxLabel = el.getAttribute("data-approx-label") || "";
    var group = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, animate: false });
    var list = [];
    try { list = JSON.parse(el.getAttribute("data-markers") || "[]"); } catch (e) { list = []; }
    list.forEach(function (m) {
      var title = m.approx ? m.name + " (" + approxLabel + ")" : m.name;
      var icon = L.divIcon({
        className: "wk-marker" + (m.approx ? " wk-marker-approx" : "") + " cat-" + m.category,
        iconSize: m.approx ? [28, 28] : [24, 24], // WCAG 2.2 target size: 24 px at least
        html: ""
      });
      var marker = L.marker([m.lat, m.lon], { icon: icon, title: title, alt: title, keyboard: true });
      var popup = '<a href="' + escapeHtml(m.url) + '">' + escapeHtml(m.name) + "</a>" +
        (m.approx ? "<br><small>" + escapeHtml(approxLabel) + "</small>" : "");
      marker.bindPopup(popup);
      group.addLayer(marker);
    });
    return { group: group, count: list.length };
  }

  function render(el) {
    var L = window.L;
    var data = el.getAttribute("data-markers");
    if (state.el !== el) {
      drop();
      var view = JSON.parse(el.getAttribute("data-view") || "{}");
      // No animations: the container may be hidden (phone list view) or
      // replaced by a navigation while one would still be running.
      var map = L.map(el, {
        scrollWheelZoom: false, zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false,
        zoomControl: false
      });
      // Leaflet's own control titles are English; the page gives translations.
      L.control.zoom({
        zoomInTitle: el.getAttribute("data-zoom-in-label") || "Zoom in",
        zoomOutTitle: el.getAttribute("data-zoom-out-label") || "Zoom out"
      }).addTo(map);
      // Cluster icons only show a number: give them a name screen readers say.
      var clusterLabel = el.getAttribute("data-cluster-label") || "%n%";
      map.on("layeradd", function (e) {
        var layer = e.layer;
        if (layer && layer.getChildCount && layer._icon) {
          var name = clusterLabel.replace("%n%", String(layer.getChildCount()));
          layer._icon.setAttribute("aria-label", name);
          layer._icon.setAttribute("title", name);
          layer._icon.setAttribute("role", "button");
        }
      });
      var tiles = el.getAttribute("data-tiles");
      if (tiles) {
        L.tileLayer(tiles, { maxZoom: 19, attribution: el.getAttribute("data-attribution") || "" }).addTo(map);
      }
      map.setView(view.center || [50.08, 14.43], view.zoom || 12);
      state = { el: el, map: map, layer: null, data: null, observer: null };
      if (window.ResizeObserver) {
        state.observer = new ResizeObserver(function () {
          if (el.isConnected && el.offsetWidth > 0) {
            map.invalidateSize({ animate: false });
            fit();
          }
        });
        state.observer.observe(el);
      }
      el.classList.add("map-ready");
    }
    if (state.data === data) { return; }
    if (state.layer) { state.map.removeLayer(state.layer); }
    var m = markers(el);
    state.layer = m.group;
    state.data = data;
    state.map.addLayer(m.group);
    state.fitted = false;
    fit();
  }

  // Fits the markers once the map is visible (a hidden map has no size).
  function fit() {
    if (state.fitted || !state.layer || !state.el || state.el.offsetWidth === 0) { return; }
    var bounds = state.layer.getBounds();
    if (bounds.isValid()) {
      state.map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16, animate: false });
    }
    state.fitted = true;
  }

  function drop() {
    if (state.observer) { state.observer.disconnect(); }
    if (state.map) {
      // The container may already be gone from the page; Leaflet then has
      // nothing left to clean up.
      try { state.map.remove(); } catch (e) { /* detached container */ }
    }
    state = { el: null, map: null, layer: null, data: null, observer: null };
  }

  function scan() {
    var el = document.getElementById("wk-map");
    if (!el) { drop(); return; }
    if (state.el === el && state.data === el.getAttribute("data-markers")) { return; }
    leaflet().then(function () { render(el); }, function () {
      el.classList.add("map-failed");
    });
  }

  // The place form's pin: clicking the map or dragging the pin fills the
  // latitude and longitude fields; typed coordinates move the pin. The
  // fields stay the way to enter a location without a pointer.
  var pin = { el: null };

  function pinScan() {
    var el = document.getElementById("wk-pin-map");
    if (!el || pin.el === el) { return; }
    pin.el = el;
    leaflet().then(function () { pinRender(el); }, function () {
      el.classList.add("map-failed");
    });
  }

  function pinRender(el) {
    var L = window.L;
    var lat = document.getElementById("f-lat");
    var lon = document.getElementById("f-lon");
    if (!lat || !lon) { return; }
    el.classList.add("map-ready");
    var view = {};
    try { view = JSON.parse(el.getAttribute("data-view") || "{}"); } catch (e) { view = {}; }
    var map = L.map(el, {
      scrollWheelZoom: false, zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false,
      zoomControl: false
    });
    L.control.zoom({
      zoomInTitle: el.getAttribute("data-zoom-in-label") || "Zoom in",
      zoomOutTitle: el.getAttribute("data-zoom-out-label") || "Zoom out"
    }).addTo(map);
    var tiles = el.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: el.getAttribute("data-attribution") || "" }).addTo(map);
    }
    var label = el.getAttribute("data-pin-label") || "";
    var marker = null;
    function typed() {
      var a = parseFloat(lat.value.replace(",", "."));
      var b = parseFloat(lon.value.replace(",", "."));
      return isFinite(a) && isFinite(b) ? [a, b] : null;
    }
    function put(ll) {
      if (marker) { marker.setLatLng(ll); return; }
      marker = L.marker(ll, { draggable: true, title: label, alt: label, keyboard: true }).addTo(map);
      marker.on("dragend", function () { write(marker.getLatLng()); });
    }
    function write(ll) {
      lat.value = ll.lat.toFixed(6);
      lon.value = ll.lng.toFixed(6);
    }
    map.on("click", function (e) { put(e.latlng); write(e.latlng); });
    [lat, lon].forEach(function (input) {
      input.addEventListener("change", function () {
        var c = typed();
        if (c) { put(c); map.panTo(c, { animate: false }); }
      });
    });
    var start = typed();
    if (start) {
      map.setView(start, 16);
      put(start);
    } else {
      map.setView(view.center || [50.08, 14.43], view.zoom || 12);
    }
  }

  function start() {
    scan();
    pinScan();
    new MutationObserver(function () { scan(); pinScan(); }).observe(document.body, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["data-markers"]
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
