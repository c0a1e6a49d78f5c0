/* Companion: apply the reader's saved preferences (theme, text size, font) before the
   page is drawn, so that it does not flash. Loaded in <head>, blocking, on purpose. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.className += " js";
  try {
    var prefs = JSON.parse(window.localStorage.getItem("companion:prefs") || "{}");
    ["theme", "size", "font"].forEach(function (name) {
      var value = prefs[name];
      if (typeof value === "string" && /^[a-z]{1,12}$/.test(value)) {
        root.setAttribute("data-" + name, value);
      }
    });
  } catch (e) {
    /* storage blocked or corrupt: keep the defaults */
  }
})();
