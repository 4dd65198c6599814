/*
 * Small fixes to Material's pages, for readers who use a keyboard.
 *
 * Material wraps wide tables in a scrolling box that a keyboard cannot reach
 * (axe-core's "scrollable-region-focusable"): on a phone, the columns past
 * the screen's edge were out of reach without a touch screen. A box that
 * actually scrolls becomes focusable, so arrow keys scroll it.
 */
(function () {
  "use strict";

  function reachable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
      } else {
        box.removeAttribute("tabindex");
      }
    });
  }

  // Material wraps the tables once the document is ready; run after it.
  window.addEventListener("load", reachable);
  window.addEventListener("resize", function () {
    clearTimeout(reachable.timer);
    reachable.timer = setTimeout(reachable, 200);
  });
})();
