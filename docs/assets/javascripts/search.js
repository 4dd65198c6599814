/*
 * The platform's search, in the reader's browser.
 *
 * Each language has its own index (built by hooks/learning_platform/search.py):
 * search/meta.json lists the pages, the shards and the rules; a query fetches
 * only the shards of its words (t/<first two letters>.json) and the text of
 * the results it shows (p/<n>.json).
 *
 * What the reader types is folded and stemmed with the rules the build used,
 * sent in meta.json: fold() and stem() below mirror folding.py and search.py
 * line for line, and a browser test checks that both give the same terms.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-platform-search]");
  if (!root || !window.fetch || !("normalize" in String.prototype)) return;

  var PAGE_SIZE = 10;
  var MIN_PREFIX = 3;       // a word of three letters or more also matches longer words
  var SNIPPET_WORDS = 26;
  var DEBOUNCE_MS = 60;
  var WORD = /[\p{L}\p{N}]+/gu;
  var MARK = /\p{M}/u;

  var strings = {};
  ["loading", "none", "count", "failed"].forEach(function (key) { strings[key] = root.getAttribute("data-" + key); });
  var indexUrl = new URL(root.getAttribute("data-index"), document.baseURI);
  var languageRoot = new URL("../", indexUrl);
  var toggle = root.querySelector(".wb-search__toggle");
  var panel = root.querySelector(".wb-search__panel");
  var form = root.querySelector(".wb-search__form");
  var input = root.querySelector(".wb-search__input");
  var closer = root.querySelector(".wb-search__close");
  var status = root.querySelector(".wb-search__status");
  var list = root.querySelector(".wb-search__results");
  var more = root.querySelector(".wb-search__more");

  var meta = null, metaLoading = null, shards = {}, texts = {};
  var ranked = [], shown = 0, currentTerms = [], generation = 0, timer = 0;

  // -- folding and stemming (folding.py, search.py) ---------------------------

  function foldLetter(letter) {
    var cyrillic = meta.fold.cyrillic, latin = meta.fold.latin;
    if (cyrillic[letter] !== undefined) return cyrillic[letter];
    if (latin[letter] !== undefined) return latin[letter];
    if (letter.charCodeAt(0) < 128) return letter;
    var out = "";
    for (var part of letter.normalize("NFKD")) {
      if (MARK.test(part)) continue;
      out += cyrillic[part] !== undefined ? cyrillic[part] : latin[part] !== undefined ? latin[part] : part;
    }
    return out;
  }

  function fold(text) {
    var out = "";
    for (var letter of text.toLowerCase()) out += foldLetter(letter);
    return out;
  }

  function variants(word) {
    var forms = [fold(word)];
    var lower = word.toLowerCase();
    if (/[đђ]/.test(lower)) forms.push(fold(lower.replace(/đ/g, "d").replace(/ђ/g, "д")));
    return forms;
  }

  function stem(word) {
    var endings = meta.stemmer.endings;
    for (var i = 0; i < endings.length; i++) {
      var ending = endings[i][0];
      if (word.length >= ending.length && word.slice(word.length - ending.length) === ending) {
        var stemmed = word.slice(0, word.length - ending.length) + endings[i][1];
        if (stemmed.length >= endings[i][2]) return stemmed;
      }
    }
    return word;
  }

  function words(text) {
    return text.normalize("NFC").match(WORD) || [];
  }

  function termsOfWord(word) {
    return variants(word).map(stem);
  }

  function queryTerms(query) {
    var seen = {}, out = [];
    words(query).forEach(function (word) {
      var term = stem(fold(word));
      if (term.length >= 2 && !seen[term]) { seen[term] = true; out.push(term); }
    });
    return out;
  }

  function matches(term, queryTerm) {
    return term === queryTerm || (queryTerm.length >= MIN_PREFIX && term.indexOf(queryTerm) === 0);
  }

  // -- loading -----------------------------------------------------------------

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function loadMeta() {
    if (!metaLoading) {
      metaLoading = fetchJson(new URL("meta.json", indexUrl)).then(function (data) {
        data.shardSet = new Set(data.shards);
        meta = data;
        return data;
      });
      metaLoading.catch(function () { metaLoading = null; });
    }
    return metaLoading;
  }

  function loadShard(key) {
    if (!meta.shardSet.has(key)) return Promise.resolve({});
    if (!shards[key]) {
      shards[key] = fetchJson(new URL("t/" + key + ".json", indexUrl));
      shards[key].catch(function () { delete shards[key]; });
    }
    return shards[key];
  }

  function loadText(page) {
    if (!texts[page]) texts[page] = fetchJson(new URL("p/" + page + ".json", indexUrl)).then(function (data) { return data.x; });
    return texts[page];
  }

  // -- ranking -----------------------------------------------------------------

  function rank(terms, shardData) {
    var byPage = new Map();
    terms.forEach(function (queryTerm, i) {
      var shard = shardData[i], best = new Map();
      Object.keys(shard).forEach(function (term) {
        if (!matches(term, queryTerm)) return;
        var factor = term === queryTerm ? 1 : 0.5, postings = shard[term], page = 0;
        for (var k = 0; k < postings.length; k += 2) {
          page += postings[k];
          var weight = postings[k + 1] * factor;
          if (weight > (best.get(page) || 0)) best.set(page, weight);
        }
      });
      best.forEach(function (weight, page) {
        var entry = byPage.get(page) || { page: page, words: 0, score: 0 };
        entry.words += 1;
        entry.score += weight;
        byPage.set(page, entry);
      });
    });
    var all = Array.from(byPage.values()).sort(function (a, b) {
      return b.words - a.words || b.score - a.score || a.page - b.page;
    });
    // Pages with every word of the query, when there are any.
    var complete = all.filter(function (entry) { return entry.words === terms.length; });
    return complete.length ? complete : all;
  }

  // -- showing -----------------------------------------------------------------

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  function isHit(word, terms) {
    var forms = termsOfWord(word);
    return terms.some(function (queryTerm) {
      return forms.some(function (form) { return matches(form, queryTerm); });
    });
  }

  /* The text with the words that matched marked, in the page's own script. */
  function highlight(text, terms, window) {
    text = text.normalize("NFC");
    var tokens = [], match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      tokens.push({ start: match.index, end: match.index + match[0].length, hit: isHit(match[0], terms) });
    }
    var from = 0, to = tokens.length;
    if (window && tokens.length > window) {
      var best = -1, hits = 0;
      for (var i = 0; i < tokens.length; i++) {
        hits += tokens[i].hit ? 1 : 0;
        if (i >= window) hits -= tokens[i - window].hit ? 1 : 0;
        if (hits > best) { best = hits; from = Math.max(0, i - window + 1); }
      }
      // Start a little before the first hit of the window.
      for (var j = from; j < from + window; j++) { if (tokens[j].hit) { from = Math.max(0, j - 4); break; } }
      to = Math.min(tokens.length, from + window);
    }
    var start = from < tokens.length ? tokens[from].start : 0;
    var end = !window || to === tokens.length ? text.length : tokens[to - 1].end;
    var html = start > 0 ? "… " : "", position = start;
    for (var k = from; k < to; k++) {
      html += escapeHtml(text.slice(position, tokens[k].start));
      var word = escapeHtml(text.slice(tokens[k].start, tokens[k].end));
      html += tokens[k].hit ? "<mark>" + word + "</mark>" : word;
      position = tokens[k].end;
    }
    html += escapeHtml(text.slice(position, end));
    if (end < text.length) html += " …";
    return html;
  }

  function say(text) {
    status.textContent = text;
  }

  function showMore() {
    var page = ranked.slice(shown, shown + PAGE_SIZE), terms = currentTerms, mine = generation;
    page.forEach(function (entry) {
      var info = meta.pages[entry.page];
      var item = document.createElement("li");
      item.className = "wb-search__result";
      var link = document.createElement("a");
      link.href = new URL(info[0], languageRoot).href;
      link.className = "wb-search__link";
      link.innerHTML = '<span class="wb-search__title">' + highlight(info[1], terms, 0) + "</span>" +
        '<span class="wb-search__snippet"></span>';
      item.appendChild(link);
      list.appendChild(item);
      loadText(entry.page).then(function (text) {
        if (mine === generation) link.lastChild.innerHTML = highlight(text, terms, SNIPPET_WORDS);
      }, function () {});
    });
    shown += page.length;
    more.hidden = shown >= ranked.length;
  }

  function search(query) {
    var mine = ++generation;
    if (!query.trim()) {
      ranked = []; shown = 0; list.innerHTML = ""; more.hidden = true; say("");
      root.classList.remove("wb-search--results");
      return Promise.resolve();
    }
    say(strings.loading);
    return loadMeta().then(function () {
      var terms = queryTerms(query);
      return Promise.all(terms.map(function (term) { return loadShard(term.slice(0, 2)); })).then(function (data) {
        if (mine !== generation) return;
        currentTerms = terms;
        ranked = terms.length ? rank(terms, data) : [];
        shown = 0;
        list.innerHTML = "";
        root.classList.add("wb-search--results");
        if (!ranked.length) {
          more.hidden = true;
          say(strings.none.replace("{query}", query.trim()));
          return;
        }
        showMore();
        say(strings.count.replace("{query}", query.trim()).replace("{count}", ranked.length));
      });
    }).catch(function () {
      if (mine === generation) say(strings.failed);
    });
  }

  // -- opening, closing, keys --------------------------------------------------

  function open() {
    root.classList.add("wb-search--open");
    toggle.setAttribute("aria-expanded", "true");
    loadMeta().catch(function () {});
  }

  function close(focusToggle) {
    root.classList.remove("wb-search--open");
    toggle.setAttribute("aria-expanded", "false");
    if (focusToggle && getComputedStyle(toggle).display !== "none") toggle.focus();
    else if (focusToggle) input.blur();
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  toggle.addEventListener("click", function () {
    if (root.classList.contains("wb-search--open")) { close(true); return; }
    open();
    input.focus();
  });
  closer.addEventListener("click", function () { close(true); });
  input.addEventListener("focus", open);
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value;
    timer = setTimeout(function () { search(query); }, DEBOUNCE_MS);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value).then(function () {
      var first = links()[0];
      if (first) first.focus();
    });
  });
  more.addEventListener("click", function () {
    var before = links().length;
    showMore();
    var next = links()[before];
    if (next) next.focus();
  });

  root.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      if (at >= 0) input.focus();
      else if (input.value) { input.value = ""; search(""); }
      else close(true);
    } else if (event.key === "ArrowDown" && all.length && (document.activeElement === input || at >= 0)) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus(); else all[at - 1].focus();
    }
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target, typing = target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
      input.focus();
    }
  });

  // Leaving the search with Tab closes it, as clicking elsewhere does.
  root.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) close(false);
  });

  document.addEventListener("click", function (event) {
    if (!root.contains(event.target) && root.classList.contains("wb-search--open")) close(false);
  });

  // For the tests: the browser's terms for a text, to compare with the build's.
  window.platformSearch = {
    ready: loadMeta,
    terms: function (text) {
      var out = {};
      words(text).forEach(function (word) {
        termsOfWord(word).forEach(function (term) { if (term.length >= 2) out[term] = true; });
      });
      return Object.keys(out).sort();
    },
    queryTerms: queryTerms
  };

  root.hidden = false;
})();
