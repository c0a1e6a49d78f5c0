/* Companion: apply the reader's saved preferences (theme, text size, font) before the
   page is drawn, so that it does not flash. Loaded in <head>, blocking, on purpose.
   With no theme chosen (or "Like my device"), the device decides: light or dark through
   CSS light-dark(), and high contrast here, from its "more contrast" setting. */
(function () {
  "use strict";
  var root = document.documentElement;
  var contrast = window.matchMedia ? window.matchMedia("(prefers-contrast: more)") : null;
  root.className += " js";

  function followDevice() {
    var theme = root.getAttribute("data-theme");
    if (theme && theme !== "auto" && theme !== "device-contrast") return;
    if (contrast && contrast.matches) root.setAttribute("data-theme", "device-contrast");
    else root.setAttribute("data-theme", "auto");
  }
  window.companionFollowDevice = followDevice;

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
  followDevice();
  if (contrast && contrast.addEventListener) contrast.addEventListener("change", followDevice);
})();
