/*
 * The practice finder (hooks/learning_platform/finder.py writes the page).
 *
 * Without this script the page is the complete list of practices, grouped by
 * action. With it, the filters appear: values of one filter widen the list
 * (action 16 or 21), filters together narrow it (action 16 and partner BA).
 * Every value shows how many practices it would give with the other filters
 * as they are. The filters live in the address (?action=16&partner=BA), so a
 * link can be shared, and Back and Forward step through them.
 *
 * Each practice's first card in the page carries its codes as data
 * attributes; the cards shown are copies of those.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-finder]");
  if (!root || !window.URLSearchParams || !window.history.pushState) return;

  var form = root.querySelector(".finder__form");
  var results = root.querySelector(".finder__results");
  var all = root.querySelector(".finder__all");
  var status = root.querySelector(".finder__status");
  var facets = Array.prototype.map.call(root.querySelectorAll(".finder__facet"), function (el) {
    return el.getAttribute("data-facet");
  });
  var say = {
    many: root.getAttribute("data-count"), one: root.getAttribute("data-count-one"),
    none: root.getAttribute("data-count-none"), chosen: root.getAttribute("data-chosen")
  };

  var practices = [], seen = {};
  root.querySelectorAll("li[data-practice]").forEach(function (card) {
    var slug = card.getAttribute("data-practice");
    if (seen[slug]) return;
    seen[slug] = true;
    var codes = {};
    facets.forEach(function (name) {
      codes[name] = (card.getAttribute("data-" + name) || "").split(" ").filter(Boolean);
    });
    var copy = card.cloneNode(true);
    copy.removeAttribute("data-practice");
    practices.push({ card: copy, codes: codes });
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
    var count = shown.length;
    status.textContent = count === 0 ? say.none : count === 1 ? say.one : say.many.replace("{count}", count);
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
    var state = chosen();
    facets.forEach(function (name) {
      if (state[name].length) form.querySelector('[data-facet="' + name + '"]').open = true;
    });
    render(state);
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

  form.hidden = false;
  results.hidden = false;
  all.hidden = true;
  fromAddress();
})();
