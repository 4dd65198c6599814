/*
 * Small fixes to Material's pages, for phones, keyboards and paper.
 *
 * - Material wraps wide tables in a scrolling box that a keyboard cannot reach
 *   (axe-core's "scrollable-region-focusable"). A box that actually scrolls
 *   becomes focusable, so arrow keys scroll it, and says in the reader's
 *   language that it scrolls sideways.
 * - Printing opens every closed panel (<details>), so a handout shows the facts
 *   and the full agenda; they close again after printing.
 * - The search's code (search.js, 7 KB compressed) comes only when the reader
 *   goes to search: a tap or click on the search field or its button, the "/"
 *   or "s" key, or an address with ?q=. What they typed before it arrived is
 *   searched as soon as it has (search.js takes over the open panel). A first
 *   visit on a weak line reads the page without it; the offline save keeps it.
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

  // -- search on demand ------------------------------------------------------------

  var search = document.querySelector("[data-platform-search]");
  if (search && window.fetch && "normalize" in String.prototype) {
    var input = search.querySelector(".wb-search__input");
    var toggle = search.querySelector(".wb-search__toggle");
    var loading = null;

    var load = function () {
      if (!loading) {
        loading = new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = search.getAttribute("data-script");
          script.onload = resolve;
          script.onerror = function () { loading = null; script.remove(); reject(); };
          document.body.appendChild(script);
        });
        loading.catch(function () {});
      }
      return loading;
    };
    // Until search.js has run: search.js marks the box once it handles it.
    var waiting = function () { return !search.hasAttribute("data-search-ready"); };
    var open = function () {
      search.classList.add("wb-search--open");
      toggle.setAttribute("aria-expanded", "true");
      input.focus();
      load();
    };

    input.addEventListener("focus", function () { if (waiting()) load(); });
    toggle.addEventListener("click", function () { if (waiting()) open(); });
    document.addEventListener("keydown", function (event) {
      var target = event.target, typing = target && (target.isContentEditable ||
        /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if ((event.key === "/" || event.key === "s") && !typing && !event.ctrlKey && !event.metaKey &&
          !event.altKey && waiting()) {
        event.preventDefault();
        open();
      }
    });
    var asked = new URLSearchParams(location.search).get("q");
    if (asked) {
      input.value = asked;
      open();
    }
    // For the tests and the tools that drive a page: search.js, loaded.
    window.platformSearchLoaded = load;
    search.hidden = false;
  }
})();
