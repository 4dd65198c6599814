/*
 * Small fixes to Material's pages, for phones, keyboards and paper.
 *
 * - Material wraps wide tables in a scrolling box that a keyboard cannot reach
 *   (axe-core's "scrollable-region-focusable"). A box that actually scrolls
 *   becomes focusable, so arrow keys scroll it, and says in the reader's
 *   language that it scrolls sideways.
 * - Printing opens every closed panel (<details>), so a handout shows the facts
 *   and the full agenda; they close again after printing.
 */
(function () {
  "use strict";

  var strings = document.querySelector("[data-platform-strings]");
  var hint = strings ? strings.getAttribute("data-scroll-hint") : "";

  function reachable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      var wide = box.scrollWidth > box.clientWidth + 1;
      var note = box.previousElementSibling;
      var hasNote = note && note.classList.contains("wb-scroll-hint");
      if (wide) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        if (!box.hasAttribute("aria-label") && hint) box.setAttribute("aria-label", hint);
        if (!hasNote && hint) {
          note = document.createElement("p");
          note.className = "wb-scroll-hint";
          note.textContent = hint;
          box.parentNode.insertBefore(note, box);
        }
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        if (hasNote) note.remove();
      }
    });
  }

  // Material wraps the tables once the document is ready; run after it.
  window.addEventListener("load", reachable);
  window.addEventListener("resize", function () {
    clearTimeout(reachable.timer);
    reachable.timer = setTimeout(reachable, 200);
  });

  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".md-content details:not([open])").forEach(function (panel) {
      panel.setAttribute("open", "");
      opened.push(panel);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (panel) { panel.removeAttribute("open"); });
    opened = [];
  });
})();
