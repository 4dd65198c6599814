/*
 * The practice finder (hooks/learning_platform/finder.py writes the page).
 *
 * Without this script the page is the complete list of practices and
 * training modules, grouped by action. With it, the filters appear: values
 * of one filter widen the list (action 16 or 21), filters together narrow it
 * (action 16 and partner BA). Every value shows how many pages it would give
 * with the other filters as they are. The filters live in the address
 * (?action=16&partner=BA), so a link can be shared, Back and Forward step
 * through them, and the language menu's links carry them to the same finder
 * in another language. The number of matching pages, with a link to them,
 * stays in view (a sticky bar) however far down the filters go.
 *
 * Each page's first card carries its codes as data attributes; the cards
 * shown are copies of those.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-finder]");
  if (!root || !window.URLSearchParams || !window.history.pushState) return;

  var form = root.querySelector(".finder__form");
  var bar = root.querySelector(".finder__bar");
  var results = root.querySelector(".finder__results");
  var all = root.querySelector(".finder__all");
  var status = root.querySelector(".finder__status");
  var show = root.querySelector(".finder__show");
  // The language menu: each link keeps its own address and takes the filters.
  var languages = Array.prototype.map.call(document.querySelectorAll(".md-select__link[hreflang]"), function (link) {
    return { link: link, href: link.getAttribute("href") };
  });
  var facets = Array.prototype.map.call(root.querySelectorAll(".finder__facet"), function (el) {
    return el.getAttribute("data-facet");
  });
  var say = {
    many: root.getAttribute("data-count"), one: root.getAttribute("data-count-one"),
    none: root.getAttribute("data-count-none"), chosen: root.getAttribute("data-chosen"),
    parts: root.getAttribute("data-count-parts")
  };

  var practices = [], seen = {};
  root.querySelectorAll("li[data-practice], li[data-module]").forEach(function (card) {
    var module = card.hasAttribute("data-module");
    var key = (module ? "m:" : "p:") + card.getAttribute(module ? "data-module" : "data-practice");
    if (seen[key]) return;
    seen[key] = true;
    var codes = {};
    facets.forEach(function (name) {
      codes[name] = (card.getAttribute("data-" + name) || "").split(" ").filter(Boolean);
    });
    var copy = card.cloneNode(true);
    copy.removeAttribute("data-practice");
    copy.removeAttribute("data-module");
    practices.push({ card: copy, codes: codes, module: module });
  });

  function chosen() {
    var state = {};
    facets.forEach(function (name) {
      state[name] = Array.prototype.map.call(
        form.querySelectorAll('input[name="' + name + '"]:checked'), function (box) { return box.value; });
    });
    return state;
  }

  function fits(practice, state, except) {
    return facets.every(function (name) {
      if (name === except || !state[name].length) return true;
      return state[name].some(function (value) { return practice.codes[name].indexOf(value) >= 0; });
    });
  }

  function render(state) {
    var shown = practices.filter(function (p) { return fits(p, state); });
    results.textContent = "";
    shown.forEach(function (p) { results.appendChild(p.card); });
    var count = shown.length, modules = shown.filter(function (p) { return p.module; }).length;
    status.textContent = count === 0 ? say.none : (count === 1 ? say.one : say.many.replace("{count}", count)) +
      " (" + say.parts.replace("{practices}", count - modules).replace("{modules}", modules) + ")";
    show.hidden = count === 0;
    languages.forEach(function (entry) { entry.link.setAttribute("href", entry.href + window.location.search); });
    facets.forEach(function (name) {
      var box = form.querySelector('[data-facet="' + name + '"]');
      box.querySelectorAll("input").forEach(function (input) {
        var n = practices.filter(function (p) {
          return fits(p, state, name) && p.codes[name].indexOf(input.value) >= 0;
        }).length;
        input.parentNode.querySelector(".finder__n").textContent = "(" + n + ")";
        input.parentNode.classList.toggle("finder__option--empty", n === 0 && !input.checked);
      });
      var picked = state[name].length;
      box.querySelector(".finder__chosen").textContent = picked ? say.chosen.replace("{count}", picked) : "";
    });
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
    });
    // The chosen filters are named on their closed panels ("1 chosen"): opened,
    // a long one (21 actions) would push the results off the screen.
    render(chosen());
  }

  function toAddress(state) {
    var params = new URLSearchParams();
    facets.forEach(function (name) { state[name].forEach(function (value) { params.append(name, value); }); });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "");
    if (address !== window.location.pathname + window.location.search) window.history.pushState(null, "", address);
  }

  form.addEventListener("change", function () {
    var state = chosen();
    toAddress(state);
    render(state);
  });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      var state = chosen();
      toAddress(state);
      render(state);
    }, 0);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("popstate", fromAddress);
  // To the results without a new entry in the history; they take the focus,
  // so a screen reader goes on from there.
  show.addEventListener("click", function (event) {
    event.preventDefault();
    results.scrollIntoView({ block: "start" });
    results.focus({ preventScroll: true });
  });

  form.hidden = false;
  bar.hidden = false;
  results.hidden = false;
  all.hidden = true;
  fromAddress();
})();
