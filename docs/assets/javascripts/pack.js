/*
 * The workshop pack (hooks/learning_platform/pack.py writes the page).
 *
 * The trainer ticks modules and practices; the order they are ticked in is
 * the order of the day, and arrows change it. The choice lives in the page's
 * address (?m=a,b&p=c&title=...&date=...&start=09:00), so the same address
 * gives the same pack to a co-trainer. The pack is a cover (title, date, the
 * agenda of the day from each module's agenda) and then each chosen page of
 * this language, fetched from the site itself, each starting on a new sheet.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-pack]");
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams) return;

  var doc = document.querySelector(".pack__document");
  var order = form.querySelector(".pack__order");
  var actions = form.querySelector(".pack__actions");
  var status = form.querySelector(".pack__status");
  var share = form.querySelector(".pack__share");
  var word = function (key) { return form.getAttribute("data-" + key) || ""; };
  var picked = [];  // [kind, slug] in the order of the day
  var generation = 0;

  function box(kind, slug) { return form.querySelector('input[name="' + kind + '"][value="' + slug + '"]'); }

  function clock(minutes) {
    var h = Math.floor(minutes / 60) % 24, m = minutes % 60;
    return h + ":" + (m < 10 ? "0" : "") + m;
  }

  function startMinutes() {
    var parts = (form.elements.start.value || "09:00").split(":");
    return (parseInt(parts[0], 10) || 0) * 60 + (parseInt(parts[1], 10) || 0);
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    picked = [];
    ["m", "p"].forEach(function (kind) {
      (params.get(kind) || "").split(",").filter(Boolean).forEach(function (slug) {
        if (box(kind, slug)) picked.push([kind, slug]);
      });
    });
    var ranked = (params.get("order") || "").split(",").filter(Boolean);
    if (ranked.length) {
      picked.sort(function (a, b) { return ranked.indexOf(a[1]) - ranked.indexOf(b[1]); });
    }
    form.querySelectorAll("input[type=checkbox]").forEach(function (input) {
      input.checked = picked.some(function (p) { return p[0] === input.name && p[1] === input.value; });
    });
    ["title", "date", "start"].forEach(function (name) {
      if (params.has(name)) form.elements[name].value = params.get(name);
    });
    update(false);
  }

  function address() {
    var params = new URLSearchParams();
    ["m", "p"].forEach(function (kind) {
      var slugs = picked.filter(function (p) { return p[0] === kind; }).map(function (p) { return p[1]; });
      if (slugs.length) params.set(kind, slugs.join(","));
    });
    if (picked.length > 1) params.set("order", picked.map(function (p) { return p[1]; }).join(","));
    ["title", "date", "start"].forEach(function (name) { params.set(name, form.elements[name].value); });
    return window.location.pathname + "?" + params.toString();
  }

  function drawOrder() {
    var list = order.querySelector("ol");
    list.textContent = "";
    picked.forEach(function (p, i) {
      var item = document.createElement("li");
      item.appendChild(document.createTextNode(box(p[0], p[1]).getAttribute("data-title") + " "));
      [["up", -1], ["down", 1]].forEach(function (move) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "pack__move";
        button.textContent = move[0] === "up" ? "↑" : "↓";
        button.setAttribute("aria-label", word(move[0]) + ": " + box(p[0], p[1]).getAttribute("data-title"));
        button.disabled = (i === 0 && move[1] < 0) || (i === picked.length - 1 && move[1] > 0);
        button.addEventListener("click", function () {
          var other = i + move[1];
          picked.splice(other, 0, picked.splice(i, 1)[0]);
          update(true);
        });
        item.appendChild(button);
      });
      list.appendChild(item);
    });
    order.hidden = actions.hidden = picked.length === 0;
  }

  function cover() {
    var section = document.createElement("section");
    section.className = "pack__cover";
    var title = document.createElement("h1");
    title.textContent = form.elements.title.value || word("cover");
    var date = document.createElement("p");
    date.className = "pack__date";
    date.textContent = form.elements.date.value;
    section.append(title, date);
    var heading = document.createElement("h2");
    heading.textContent = word("agenda");
    var table = document.createElement("table");
    table.className = "agenda";
    var head = table.createTHead().insertRow();
    ["col-start", "col-minutes", "col-activity"].forEach(function (key) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = word(key);
      head.appendChild(th);
    });
    var body = table.createTBody();
    var at = startMinutes(), begin = at;
    picked.forEach(function (p, i) {
      var input = box(p[0], p[1]);
      var row = body.insertRow();
      row.className = "pack__part-row";
      var cell = row.insertCell();
      cell.colSpan = 3;
      cell.textContent = word("part").replace("{number}", i + 1) + ": " + input.getAttribute("data-title");
      JSON.parse(input.getAttribute("data-agenda") || "[]").forEach(function (entry) {
        var line = body.insertRow();
        line.insertCell().textContent = clock(at);
        line.insertCell().textContent = entry[0];
        line.insertCell().textContent = entry[1];
        at += entry[0];
      });
    });
    var total = document.createElement("p");
    total.textContent = word("day-total").replace("{duration}", clock(begin) + "–" + clock(at));
    section.append(heading, table, total);
    return section;
  }

  function part(html, index) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var article = page.querySelector("article.md-content__inner") || page.querySelector("article");
    var section = document.createElement("section");
    section.className = "pack__part";
    section.setAttribute("data-part", String(index + 1));
    if (!article) return section;
    article.querySelectorAll(".headerlink, .edit-links, .md-source-file").forEach(function (el) {
      el.remove();
    });
    article.querySelectorAll("[id]").forEach(function (el) { el.id = "part" + (index + 1) + "-" + el.id; });
    while (article.firstChild) section.appendChild(document.adoptNode(article.firstChild));
    return section;
  }

  function update(push) {
    drawOrder();
    var mine = ++generation;
    if (push) window.history.pushState(null, "", address());
    var link = window.location.href;
    share.textContent = picked.length ? word("link") + " " : "";
    if (picked.length) {
      var anchor = document.createElement("a");
      anchor.href = link;
      anchor.textContent = link;
      share.appendChild(anchor);
    }
    if (!picked.length) {
      doc.hidden = true;
      doc.textContent = "";
      status.textContent = word("empty");
      return;
    }
    status.textContent = word("loading");
    Promise.all(picked.map(function (p) {
      return fetch(box(p[0], p[1]).getAttribute("data-href")).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      });
    })).then(function (pages) {
      if (mine !== generation) return;
      doc.textContent = "";
      doc.appendChild(cover());
      pages.forEach(function (html, i) { doc.appendChild(part(html, i)); });
      doc.hidden = false;
      document.body.classList.add("pack-ready");
      status.textContent = "";
    }, function () {
      if (mine === generation) status.textContent = word("failed");
    });
  }

  form.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type === "checkbox") {
      picked = picked.filter(function (p) { return !(p[0] === input.name && p[1] === input.value); });
      if (input.checked) picked.push([input.name, input.value]);
    }
    update(true);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector(".pack__print").addEventListener("click", function () { window.print(); });
  window.addEventListener("popstate", fromAddress);
  var nojs = document.querySelector(".pack__nojs");
  if (nojs) nojs.hidden = true;
  fromAddress();
})();
