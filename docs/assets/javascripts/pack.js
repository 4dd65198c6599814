/*
 * The workshop pack (hooks/learning_platform/pack.py writes the page).
 *
 * The trainer ticks modules and practices; the order they are ticked in is
 * the order of the day, and arrows change it. The choice lives in the page's
 * address (?m=a,b&p=c&order=...), and so does each setting the trainer made
 * (title, date, start, lunch, coffee), and nothing else: a co-trainer who
 * opens the link in another language gets that language's default title and
 * the date of the day they open it, written as their language writes dates.
 *
 * The day: with two modules or more, one opening and one closing for the
 * whole day (the longest of the modules' own, which are marked role: opening
 * and role: closing in their front matter); a coffee break between modules;
 * and when the day runs over midday, a lunch break at the break nearest
 * 12:30. Practices are readings, listed with their reading time, not timed.
 *
 * The pack is a cover (title, date, agenda, readings, the pack's own address
 * and QR code) and then each chosen page of this language, fetched from the
 * site, each on its own sheets. Every link in it is made absolute against
 * the page it came from, so it works from the pack's address. In print,
 * every sheet carries its part's title and address and the page number
 * (platform.css reads them: @page margin boxes and named pages).
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-pack]");
  if (!form || !window.platformDates || !window.fetch || !window.DOMParser || !window.URLSearchParams) return;

  var doc = document.querySelector(".pack__document");
  var order = form.querySelector(".pack__order");
  var actions = form.querySelector(".pack__actions");
  var status = form.querySelector(".pack__status");
  var share = form.querySelector(".pack__share");
  var readingsBox = form.querySelector(".pack__practices");
  var FIELDS = ["title", "date", "start", "lunch", "coffee"];
  var LUNCH_AT = 12 * 60 + 30;  // the lunch break goes to the break nearest 12:30 ...
  var LUNCH_IF = [12 * 60, 14 * 60];  // ... on a day that starts before noon and ends after two
  var LONG_DAY = 18 * 60;
  var word = function (key) { return form.getAttribute("data-" + key) || ""; };
  var fill = platformDates.fill, pad = platformDates.pad, today = platformDates.today;
  var picked = [];  // [kind, slug] in the order of the day
  var explicit = {};  // the settings the trainer made: only these go into the address
  var pages = {};  // address -> Promise of the page's HTML, fetched once
  var generation = 0;
  var sheet = null;  // the named pages of the parts (running heads in print)

  function box(kind, slug) { return form.querySelector('input[name="' + kind + '"][value="' + slug + '"]'); }
  function field(name) { return form.elements[name]; }
  function clock(minutes) {
    return Math.floor(minutes / 60) % 24 + ":" + pad(minutes % 60);
  }

  function longDate(iso) { return platformDates.longDate(iso, form); }

  function number(name) {
    var value = parseInt(field(name).value, 10);
    return isNaN(value) || value < 0 ? parseInt(field(name).getAttribute("data-default"), 10) : value;
  }

  function startMinutes() {
    var parts = (field("start").value || field("start").getAttribute("data-default")).split(":");
    return (parseInt(parts[0], 10) || 0) * 60 + (parseInt(parts[1], 10) || 0);
  }

  function kindLabel(kind) { return word(kind === "m" ? "kind-module" : "kind-practice"); }

  function partLabel(index) {
    var p = picked[index], input = box(p[0], p[1]);
    return fill(word("part"), {number: index + 1}) + " · " + kindLabel(p[0]) + ": " + input.getAttribute("data-title");
  }

  // -- the day --------------------------------------------------------------------------

  /* Rows of the agenda: {kind: opening|closing|lunch|coffee|break|item|part, minutes, text, at}. */
  function dayPlan() {
    var modules = [];
    picked.forEach(function (p, i) {
      if (p[0] !== "m") return;
      modules.push({index: i, agenda: JSON.parse(box(p[0], p[1]).getAttribute("data-agenda") || "[]")});
    });
    var rows = [];
    if (!modules.length) return rows;
    var shared = modules.length > 1;
    var longest = function (role) {
      return Math.max.apply(null, modules.map(function (m) {
        return m.agenda.reduce(function (sum, e) { return sum + (e[2] === role ? e[0] : 0); }, 0);
      }));
    };
    var opening = shared ? longest("opening") : 0, closing = shared ? longest("closing") : 0;
    if (opening) rows.push({kind: "opening", minutes: opening, text: word("opening")});
    modules.forEach(function (m, i) {
      if (i > 0) rows.push({kind: "coffee", minutes: number("coffee"), text: word("coffee")});
      rows.push({kind: "part", text: partLabel(m.index)});
      m.agenda.forEach(function (e) {
        if ((e[2] === "opening" && opening) || (e[2] === "closing" && closing)) return;
        rows.push({kind: e[2] === "break" ? "break" : e[2] || "item", minutes: e[0], text: e[1]});
      });
    });
    if (closing) rows.push({kind: "closing", minutes: closing, text: word("closing")});
    var end = times(rows);
    if (rows[0].at < LUNCH_IF[0] && end > LUNCH_IF[1]) {
      var best = null;
      rows.forEach(function (row) {
        if ((row.kind === "coffee" || row.kind === "break") &&
            (!best || Math.abs(row.at - LUNCH_AT) < Math.abs(best.at - LUNCH_AT))) best = row;
      });
      if (best) {
        best.kind = "lunch";
        best.minutes = number("lunch");
        best.text = word("lunch");
        times(rows);
      }
    }
    return rows.filter(function (row) { return row.kind === "part" || row.minutes > 0; });
  }

  function times(rows) {
    var at = startMinutes();
    rows.forEach(function (row) {
      row.at = at;
      at += row.minutes || 0;
    });
    return at;
  }

  // -- the address ------------------------------------------------------------------------

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
    if (readingsBox && picked.some(function (p) { return p[0] === "p"; })) readingsBox.open = true;
    explicit = {};
    FIELDS.forEach(function (name) {
      var value = params.get(name);
      if (value) explicit[name] = true;
      field(name).value = value || (name === "date" ? today() : field(name).getAttribute("data-default"));
    });
    update(false, true);
  }

  /* The shortest address that gives this pack: slugs joined by plain commas
     (they need no escaping), `order` only when modules and practices
     alternate, and only the settings the trainer made. A short address makes
     a QR code that still reads when printed small. */
  function address() {
    var params = [], lists = {m: [], p: []};
    picked.forEach(function (p) { lists[p[0]].push(p[1]); });
    ["m", "p"].forEach(function (kind) { if (lists[kind].length) params.push(kind + "=" + lists[kind].join(",")); });
    var slugs = picked.map(function (p) { return p[1]; });
    if (slugs.join(",") !== lists.m.concat(lists.p).join(",")) params.push("order=" + slugs.join(","));
    FIELDS.forEach(function (name) {
      if (explicit[name] && field(name).value) {
        params.push(name + "=" + encodeURIComponent(field(name).value).replace(/%20/g, "+").replace(/%3A/gi, ":"));
      }
    });
    return window.location.pathname + (params.length ? "?" + params.join("&") : "");
  }

  // -- the form ---------------------------------------------------------------------------

  function drawOrder() {
    var list = order.querySelector("ol");
    list.textContent = "";
    picked.forEach(function (p, i) {
      var item = document.createElement("li");
      var title = box(p[0], p[1]).getAttribute("data-title");
      item.appendChild(document.createTextNode(kindLabel(p[0]) + ": " + title + " "));
      [["up", -1], ["down", 1]].forEach(function (move) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "pack__move";
        button.textContent = move[0] === "up" ? "↑" : "↓";
        button.setAttribute("aria-label", word(move[0]) + ": " + title);
        button.disabled = (i === 0 && move[1] < 0) || (i === picked.length - 1 && move[1] > 0);
        button.addEventListener("click", function () {
          picked.splice(i + move[1], 0, picked.splice(i, 1)[0]);
          update(true, true);
        });
        item.appendChild(button);
      });
      list.appendChild(item);
    });
    order.hidden = actions.hidden = picked.length === 0;
  }

  // -- the cover --------------------------------------------------------------------------

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function qrCode(text, label) {
    var svgNS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("class", "qr-code");
    svg.setAttribute("role", "img");
    var title = document.createElementNS(svgNS, "title");
    title.textContent = label;
    svg.appendChild(title);
    if (!window.qrcode) return svg;
    var code = window.qrcode(0, "M");  // the smallest version that holds the address; M as the handouts
    code.addData(text);
    code.make();
    var size = code.getModuleCount(), quiet = 4, total = size + 2 * quiet, path = "";
    for (var y = 0; y < size; y++) {
      for (var x = 0; x < size; x++) {
        if (!code.isDark(y, x)) continue;
        var run = 1;
        while (x + run < size && code.isDark(y, x + run)) run++;
        path += "M" + (x + quiet) + " " + (y + quiet) + "h" + run + "v1h-" + run + "z";
        x += run - 1;
      }
    }
    svg.setAttribute("viewBox", "0 0 " + total + " " + total);
    var white = document.createElementNS(svgNS, "path");
    white.setAttribute("fill", "#fff");
    white.setAttribute("d", "M0 0h" + total + "v" + total + "H0z");
    var dark = document.createElementNS(svgNS, "path");
    dark.setAttribute("d", path);
    svg.append(white, dark);
    return svg;
  }

  function packTitle() { return field("title").value.trim() || form.getAttribute("data-default-title"); }

  function cover() {
    var section = element("section", "pack__cover");
    var here = window.location.href;
    var online = element("p", "pack__address", word("online") + " ");
    online.appendChild(element("span", "qr__address", here));
    var figure = element("figure", "qr pack__qr");
    figure.setAttribute("data-address", here);
    figure.appendChild(qrCode(here, word("qr")));
    section.append(element("p", "pack__kind", word("cover")), element("h1", "", packTitle()),
                   element("p", "pack__date", longDate(field("date").value || today())), online, figure);
    var rows = dayPlan();
    if (rows.length) {
      var table = element("table", "agenda");
      var head = table.createTHead().insertRow();
      ["col-start", "col-minutes", "col-activity"].forEach(function (key) {
        var th = element("th", "", word(key));
        th.scope = "col";
        head.appendChild(th);
      });
      var body = table.createTBody();
      rows.forEach(function (row) {
        var line = body.insertRow();
        line.setAttribute("data-row", row.kind);
        if (row.kind === "part") {
          line.className = "pack__part-row";
          var cell = line.insertCell();
          cell.colSpan = 3;
          cell.textContent = row.text;
          return;
        }
        line.insertCell().textContent = clock(row.at);
        line.insertCell().textContent = row.minutes;
        line.insertCell().textContent = row.text;
      });
      var last = rows[rows.length - 1], end = last.at + (last.minutes || 0);
      section.append(element("h2", "", word("agenda")), table,
                     element("p", "pack__total", fill(word("day-total"), {duration: clock(rows[0].at) + "–" + clock(end)})));
      if (end > LONG_DAY) section.appendChild(element("p", "pack__warning", fill(word("long-day"), {end: clock(end)})));
    }
    var readings = picked.map(function (p, i) { return [p, i]; }).filter(function (pi) { return pi[0][0] === "p"; });
    if (readings.length) {
      var list = element("ul", "pack__readings");
      readings.forEach(function (pi) {
        var input = box(pi[0][0], pi[0][1]);
        list.appendChild(element("li", "", partLabel(pi[1]) + " (" +
          fill(word("reading-time"), {minutes: input.getAttribute("data-reading")}) + ")"));
      });
      section.append(element("h2", "", word("readings")), element("p", "", word("readings-lead")), list);
    }
    return section;
  }

  // -- the parts --------------------------------------------------------------------------

  var REFERENCES = ["for", "aria-labelledby", "aria-describedby", "aria-controls", "headers"];

  /* One chosen page as a part of the pack: its article, its links made absolute
     against its own address, its ids made unique in the pack. */
  function part(html, index, pageAddress) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var article = page.querySelector("article.md-content__inner") || page.querySelector("article");
    var section = element("section", "pack__part");
    section.setAttribute("data-part", String(index + 1));
    var canonical = page.querySelector('link[rel="canonical"]');
    section.setAttribute("data-address", canonical ? canonical.href : pageAddress);
    if (!article) return section;
    article.querySelectorAll(".headerlink, .edit-links, .md-source-file").forEach(function (el) { el.remove(); });
    var prefix = "part" + (index + 1) + "-";
    article.querySelectorAll("[id]").forEach(function (el) { el.id = prefix + el.id; });
    REFERENCES.forEach(function (name) {
      article.querySelectorAll("[" + name + "]").forEach(function (el) {
        el.setAttribute(name, el.getAttribute(name).split(/\s+/).map(function (id) { return prefix + id; }).join(" "));
      });
    });
    article.querySelectorAll("[href], [src]").forEach(function (el) {
      var name = el.hasAttribute("href") ? "href" : "src";
      var value = el.getAttribute(name);
      if (value.charAt(0) === "#") {
        el.setAttribute(name, "#" + prefix + value.slice(1));
      } else if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) {
        el.setAttribute(name, new URL(value, pageAddress).href);
      }
    });
    article.querySelectorAll("details").forEach(function (el) { el.open = true; });
    var label = element("p", "pack__part-label", partLabel(index));
    var kind = picked[index][0];
    if (kind === "p") {
      label.textContent += " · " + fill(word("reading-time"), {minutes: box(kind, picked[index][1]).getAttribute("data-reading")});
    }
    section.appendChild(label);
    while (article.firstChild) section.appendChild(document.adoptNode(article.firstChild));
    var title = section.querySelector("h1");
    section.setAttribute("data-title", title ? title.textContent.trim() : "");
    return section;
  }

  /* The running head of each sheet: the pack's title and address on the cover
     (the page's own, read by platform.css from the root), each part's on its
     sheets (a named page per part). */
  function cssString(text) { return '"' + String(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, " ") + '"'; }

  function runningHeads() {
    var root = document.documentElement;
    root.setAttribute("data-print-title", packTitle());
    root.setAttribute("data-print-address", window.location.href);
    if (!("adoptedStyleSheets" in document) || !window.CSSStyleSheet) return;
    var rules = "";
    doc.querySelectorAll(".pack__part").forEach(function (section) {
      var name = "pack-part-" + section.getAttribute("data-part");
      rules += '.pack__part[data-part="' + section.getAttribute("data-part") + '"] { page: ' + name + "; }\n" +
        "@page " + name + " { @top-left { content: " + cssString(section.getAttribute("data-title")) +
        ' "\\A" ' + cssString(section.getAttribute("data-address")) + "; } }\n";
    });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    }
    sheet.replaceSync(rules);
  }

  /* Tables scroll in their own box on a phone, as on every page (Material
     wraps a page's tables when it loads, and these came after); a box that
     really scrolls takes the keyboard's focus, so arrow keys scroll it. */
  function scrollingTables(root) {
    root.querySelectorAll("table").forEach(function (table) {
      if (table.closest(".md-typeset__scrollwrap")) return;
      var wrap = element("div", "md-typeset__scrollwrap"), inner = element("div", "md-typeset__table");
      table.parentNode.insertBefore(wrap, table);
      inner.appendChild(table);
      wrap.appendChild(inner);
    });
    root.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) wrap.setAttribute("tabindex", "0");
      else wrap.removeAttribute("tabindex");
    });
  }

  function fetchPage(href) {
    var url = new URL(href, window.location.href).href;
    if (!pages[url]) {
      pages[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text().then(function (html) { return [html, response.url || url]; });
      });
      pages[url].catch(function () { delete pages[url]; });
    }
    return pages[url];
  }

  function update(push, partsChanged) {
    drawOrder();
    var mine = ++generation;
    var target = address();
    if (target !== window.location.pathname + window.location.search) {
      window.history[push ? "pushState" : "replaceState"](null, "", target);
    }
    share.textContent = "";
    if (picked.length) {
      var anchor = element("a", "", window.location.href);
      anchor.href = window.location.href;
      share.append(word("link") + " ", anchor);
    }
    if (!picked.length) {
      doc.hidden = true;
      doc.textContent = "";
      document.body.classList.remove("pack-ready");
      status.textContent = word("empty");
      return;
    }
    if (!partsChanged && doc.querySelector(".pack__cover")) {
      doc.replaceChild(cover(), doc.querySelector(".pack__cover"));
      scrollingTables(doc);
      runningHeads();
      return;
    }
    status.textContent = word("loading");
    Promise.all(picked.map(function (p) {
      return fetchPage(box(p[0], p[1]).getAttribute("data-href"));
    })).then(function (fetched) {
      if (mine !== generation) return;
      doc.textContent = "";
      doc.appendChild(cover());
      fetched.forEach(function (page, i) { doc.appendChild(part(page[0], i, page[1])); });
      doc.hidden = false;
      scrollingTables(doc);
      runningHeads();
      document.body.classList.add("pack-ready");
      doc.setAttribute("data-ready", "");
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
      update(true, true);
      return;
    }
    if (FIELDS.indexOf(input.name) >= 0) {
      explicit[input.name] = input.value !== "";
      update(false, false);
    }
  });
  form.addEventListener("input", function (event) {
    if (event.target.name === "title") {
      explicit.title = event.target.value !== "";
      update(false, false);
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector(".pack__print").addEventListener("click", function () { window.print(); });
  window.addEventListener("popstate", fromAddress);
  var nojs = document.querySelector(".pack__nojs");
  if (nojs) nojs.hidden = true;
  fromAddress();
})();
