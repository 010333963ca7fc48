(function () {
  "use strict";
  function clear() {
    document.querySelectorAll(".hit").forEach(function (e) { e.classList.remove("hit"); });
  }
  function light(key) {
    document.querySelectorAll("mark[data-span]").forEach(function (e) {
      if (e.getAttribute("data-span") === key) { e.classList.add("hit"); }
    });
  }
  function target() {
    clear();
    var id = decodeURIComponent(location.hash.slice(1));
    var t = id && document.getElementById(id);
    if (!t) { return; }
    var key = t.getAttribute("data-span");
    if (key) { light(key); }
    t.scrollIntoView({ block: "center" });
  }
  document.addEventListener("click", function (ev) {
    var m = ev.target.closest && ev.target.closest("mark[data-peer]");
    if (m) { location.hash = m.getAttribute("data-peer"); }
  });
  window.addEventListener("hashchange", target);
  target();
})();
