/*
 * The platform's search, in the reader's browser.
 *
 * Each language has its own index (built by hooks/learning_platform/search.py):
 * search/meta.json lists the pages, the shards and the rules; a query fetches
 * only the shards of its words (t/<first two letters>.json) and the text of
 * the results it shows (p/<n>.json).
 *
 * Pages with every word come first; pages with some of the words follow,
 * each saying which words it lacks, so a word the rules do not know lowers a
 * page instead of hiding it. On a weak line a result's text (its snippet) is
 * fetched only once the reader has stopped typing, only for the results on
 * the screen, and a fetch the next keystroke makes useless is cancelled.
 *
 * This file is loaded when the reader first goes to search (platform.js), not
 * with every page.
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
  var DEBOUNCE_MS = 60;      // after a keystroke, before the results are worked out
  var SETTLE_MS = 500;      // without a keystroke, before snippets are fetched
  var PHRASE_FACTOR = 0.8;  // a glossary phrase said another way: just below the words typed
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

  var meta = null, metaLoading = null, shards = {}, texts = {}, inflight = {};
  var ranked = [], shown = 0, currentTerms = [], generation = 0, timer = 0;
  var settled = true, settleTimer = 0, widen = null, onScreen = new Set(), observer = null;

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
    word = unify(word);
    for (var i = 0; i < endings.length; i++) {
      var ending = endings[i][0];
      if (word.length >= ending.length && word.slice(word.length - ending.length) === ending) {
        var stemmed = word.slice(0, word.length - ending.length) + endings[i][1];
        if (stemmed.length >= endings[i][2]) return unify(stemmed);
      }
    }
    return unify(word);
  }

  // Dialect forms into one (ijekavian savjet, ekavian savet): search.yml's rules.
  function unify(word) {
    (meta.dialect || []).forEach(function (rule) { word = word.replace(rule[0], rule[1]); });
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

  /* What a query looks for: one unit per word typed (a word of one letter is
     left out, a repeated word counted once; the word as typed is kept for
     typo matching and to name it under a result that lacks it), and the
     glossary phrases among the words: a page that says a phrase another way
     ("djeca bez pratnje" for "maloljetnik bez pratnje") has every word the
     phrase covers. */
  function queryUnits(query) {
    var units = [], tokens = [], phrases = [];
    words(query).forEach(function (word) {
      var term = stem(fold(word)), unit = -1;
      if (term.length >= 2) {
        unit = units.findIndex(function (u) { return u.terms[0] === term; });
        if (unit < 0) { units.push({ terms: [term], typed: unify(fold(word)), word: word }); unit = units.length - 1; }
      }
      tokens.push({ term: term, unit: unit });
    });
    tokens.forEach(function (token, i) {
      (meta.synonyms || []).forEach(function (entry) {
        entry[1].forEach(function (phrase) {
          if (i + phrase.length > tokens.length) return;
          if (!phrase.every(function (term, k) { return phraseWord(tokens[i + k].term, term); })) return;
          var covered = tokens.slice(i, i + phrase.length).map(function (t) { return t.unit; })
            .filter(function (unit) { return unit >= 0; });
          if (covered.length) phrases.push({ group: entry[0], units: covered });
        });
      });
    });
    return { units: units, phrases: phrases };
  }

  // A word of a glossary phrase, typed whole or in a form that begins the
  // same way (maloletni, the adjective, for maloletnik, the noun).
  function phraseWord(typed, term) {
    return typed === term || (typed.length >= 4 && term.indexOf(typed) === 0);
  }

  function matches(term, queryTerm) {
    return term === queryTerm || (queryTerm.length >= MIN_PREFIX && term.indexOf(queryTerm) === 0);
  }

  // One letter wrong, missing, added or swapped (optimal string alignment, distance <= 1).
  function near(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i >= a.length || i >= b.length) return true;
    return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }

  // A stem the typed word (five letters or more) reaches with one typo.
  function typo(term, typed) {
    if (typed.length < 5 || term.length < Math.max(4, typed.length - 5)) return false;
    for (var k = term.length - 1; k <= term.length + 1; k++) { if (near(typed.slice(0, k), term)) return true; }
    return false;
  }

  // -- loading -----------------------------------------------------------------

  function fetchJson(url, signal) {
    return fetch(url, signal ? { signal: signal } : undefined).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function loadMeta() {
    if (!metaLoading) {
      metaLoading = fetchJson(new URL("meta.json", indexUrl)).then(function (data) {
        data.shardSet = new Set(data.shards);
        data.dialect = (data.stemmer.dialect || []).map(function (rule) { return [new RegExp(rule[0], "g"), rule[1]]; });
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

  // A page's text, fetched once; cancelText() stops the fetches not yet done.
  function loadText(page) {
    if (!texts[page]) {
      var controller = window.AbortController ? new AbortController() : null;
      var promise = fetchJson(new URL("p/" + page + ".json", indexUrl), controller && controller.signal)
        .then(function (data) { return data.x; });
      texts[page] = promise;
      inflight[page] = controller;
      promise.then(function () { delete inflight[page]; }, function () {
        if (texts[page] === promise) delete texts[page];
        if (inflight[page] === controller) delete inflight[page];
      });
    }
    return texts[page];
  }

  function cancelTexts() {
    Object.keys(inflight).forEach(function (page) {
      if (inflight[page]) inflight[page].abort();
      delete inflight[page];
      delete texts[page];
    });
  }

  // -- ranking -----------------------------------------------------------------

  function addPostings(postings, factor, into) {
    for (var k = 0, page = 0; k < postings.length; k += 2) {
      page += postings[k];
      var weight = postings[k + 1] * factor;
      if (weight > (into.get(page) || 0)) into.set(page, weight);
    }
  }

  /* Every page with some of the words, never only the words nearly every
     page has. Pages with more of the words come first; then pages found
     without a typo; content before index and status pages; then by weight. */
  function rank(query, data) {
    var units = query.units, found = units.map(function () { return new Map(); });
    units.forEach(function (unit, i) {
      var best = found[i], fuzzy = new Map();
      data.units[i].forEach(function (shard) {
        Object.keys(shard).forEach(function (term) {
          if (/^00[a-z]/.test(term)) return;  // a synonym group: matched by phrase, below
          if (matches(term, unit.terms[0])) addPostings(shard[term], term === unit.terms[0] ? 1 : 0.5, best);
          else if (typo(term, unit.typed)) addPostings(shard[term], 0.3, fuzzy);
        });
      });
      fuzzy.forEach(function (weight, page) { if (!best.has(page)) best.set(page, -weight); });
    });
    query.phrases.forEach(function (phrase, k) {
      var pages = new Map();
      data.phrases[k].forEach(function (shard) { if (shard[phrase.group]) addPostings(shard[phrase.group], PHRASE_FACTOR, pages); });
      pages.forEach(function (weight, page) {
        phrase.units.forEach(function (i) {
          if (weight > (found[i].get(page) || 0)) found[i].set(page, weight);
        });
      });
    });
    // Words on more than a third of the pages ("bez", "the") bring a page in
    // only with more than half of the words typed.
    var common = found.map(function (pages) { return pages.size * 3 > meta.pages.length; });
    var rare = common.some(function (c) { return !c; });
    var byPage = new Map();
    found.forEach(function (pages, i) {
      pages.forEach(function (weight, page) {
        var entry = byPage.get(page) || { page: page, words: 0, exact: 0, score: 0, rare: false, has: [],
                                          listing: meta.pages[page][2] || 0 };
        entry.words += 1;
        entry.exact += weight > 0 ? 1 : 0;
        entry.score += Math.abs(weight);
        entry.rare = entry.rare || !common[i];
        entry.has[i] = true;
        byPage.set(page, entry);
      });
    });
    // Among equals, the page whose title is most about the query: the share of
    // its title's words that the query matched.
    byPage.forEach(function (entry) {
      var title = words(meta.pages[entry.page][1]);
      var hits = title.filter(function (word) { return isHit(word, units); }).length;
      entry.score += title.length ? 10 * hits / title.length : 0;
    });
    return Array.from(byPage.values()).filter(function (entry) {
      return entry.rare || !rare || entry.words * 2 > units.length;
    }).sort(function (a, b) {
      return b.words - a.words || b.exact - a.exact || a.listing - b.listing || b.score - a.score || a.page - b.page;
    });
  }

  // The shards a word reads: its own; for a typo, also those a slip of the
  // first two letters points to, once its own show nothing near.
  function shardKeys(unit, wide) {
    var typed = unit.typed || "", keys = [unit.terms[0].slice(0, 2)];
    if (wide && typed.length >= 5) keys.push(typed[1] + typed[0], typed.slice(1, 3), typed[0] + typed[2]);
    return keys.filter(function (key, i) { return keys.indexOf(key) === i; });
  }

  function loadQuery(query, wide) {
    var units = Promise.all(query.units.map(function (unit, i) {
      return Promise.all(shardKeys(unit, wide && wide[i]).map(loadShard));
    }));
    var phrases = Promise.all(query.phrases.map(function (phrase) { return Promise.all([loadShard(phrase.group.slice(0, 2))]); }));
    return Promise.all([units, phrases]).then(function (both) { return { units: both[0], phrases: both[1] }; });
  }

  // -- showing -----------------------------------------------------------------

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  function isHit(word, units) {
    var forms = termsOfWord(word), typed = unify(fold(word));
    return units.some(function (unit) {
      return forms.some(function (form) {
        return unit.terms.some(function (term) { return matches(form, term); }) ||
          (unit.typed && typo(form, unit.typed)) || (unit.typed && typed.length >= 5 && near(typed, unit.typed));
      });
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
    var page = ranked.slice(shown, shown + PAGE_SIZE), units = currentTerms;
    page.forEach(function (entry) {
      var info = meta.pages[entry.page];
      var item = document.createElement("li");
      item.className = "wb-search__result";
      item.setAttribute("data-page", entry.page);
      var link = document.createElement("a");
      link.href = new URL(info[0], languageRoot).href;
      link.className = "wb-search__link";
      var html = '<span class="wb-search__kind">' + escapeHtml(meta.kinds[info[3]] || "") + "</span>" +
        '<span class="wb-search__title">' + highlight(info[1], units, 0) + "</span>";
      var missing = units.filter(function (unit, i) { return !entry.has[i]; });
      if (missing.length) {
        html += '<span class="wb-search__missing">' + escapeHtml(meta.words.missing).replace("{words}",
          missing.map(function (unit) { return "<s>" + escapeHtml(unit.word) + "</s>"; }).join(", ")) + "</span>";
      }
      link.innerHTML = html + '<span class="wb-search__snippet"></span>';
      item.appendChild(link);
      list.appendChild(item);
      if (observer) observer.observe(item);
    });
    shown += page.length;
    more.hidden = shown >= ranked.length;
    showSnippets();
  }

  /* The snippets of the results on the screen, once the query has settled. */
  function showSnippets() {
    if (!settled) return;
    var units = currentTerms, mine = generation;
    Array.prototype.forEach.call(list.children, function (item) {
      if (item.snippet || (observer && !onScreen.has(item))) return;
      item.snippet = true;
      loadText(+item.getAttribute("data-page")).then(function (text) {
        if (mine === generation) item.querySelector(".wb-search__snippet").innerHTML = highlight(text, units, SNIPPET_WORDS);
      }, function () { item.snippet = false; });
    });
  }

  function search(query) {
    var mine = ++generation;
    widen = null;
    if (!query.trim()) {
      ranked = []; shown = 0; clearList(); more.hidden = true; say("");
      root.classList.remove("wb-search--results");
      return Promise.resolve();
    }
    say(strings.loading);
    return loadMeta().then(function () {
      var parsed = queryUnits(query);
      return loadQuery(parsed).then(function (data) {
        // A word found nowhere may have a slip in its first two letters: its
        // other shards are read once the reader has stopped typing.
        var lost = parsed.units.map(function (unit, i) {
          return !rank({ units: [unit], phrases: [] }, { units: [data.units[i]], phrases: [] }).length;
        });
        if (!lost.some(Boolean)) return data;
        if (!settled) { widen = query; return data; }
        return loadQuery(parsed, lost);
      }).then(function (data) {
        if (mine !== generation) return;
        currentTerms = parsed.units;
        ranked = parsed.units.length ? rank(parsed, data) : [];
        shown = 0;
        clearList();
        root.classList.add("wb-search--results");
        if (widen === query) {
          // Not the last word yet: the typo's shards come once typing stops.
          if (ranked.length) showMore(); else more.hidden = true;
          say(strings.loading);
          return;
        }
        if (!ranked.length) {
          more.hidden = true;
          say(strings.none.replace("{query}", query.trim()));
          return;
        }
        showMore();
        var complete = ranked.filter(function (entry) { return entry.words === parsed.units.length; }).length;
        say(strings.count.replace("{query}", query.trim()).replace("{count}", ranked.length) +
          (complete < ranked.length ? " · " + meta.words.complete.replace("{count}", complete) : ""));
      });
    }).catch(function () {
      if (mine === generation) say(strings.failed);
    });
  }

  function clearList() {
    if (observer) observer.disconnect();
    onScreen.clear();
    list.innerHTML = "";
  }

  if (window.IntersectionObserver) {
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) onScreen.add(entry.target); else onScreen.delete(entry.target);
      });
      showSnippets();
    });
  }

  // The reader stopped typing: read what was put off (a typo's other shards,
  // the snippets on the screen).
  function settle(query) {
    settled = true;
    if (widen === query) return search(query);
    showSnippets();
    return Promise.resolve();
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
    clearTimeout(settleTimer);
    settled = false;
    cancelTexts();
    var query = input.value;
    timer = setTimeout(function () { search(query); }, DEBOUNCE_MS);
    settleTimer = setTimeout(function () { settle(query); }, SETTLE_MS);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    clearTimeout(settleTimer);
    settled = true;
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
    if ((event.key === "/" || event.key === "s") && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
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
    queryTerms: queryTerms,
    ranked: function () {
      return ranked.map(function (e) {
        return { url: meta.pages[e.page][0], exact: e.exact, words: e.words, kind: meta.kinds[meta.pages[e.page][3]] };
      });
    },
    queryUnits: function (query) { return queryUnits(query); }
  };

  root.hidden = false;
  root.setAttribute("data-search-ready", "");

  // Loaded when the reader went to search (platform.js): take over the panel
  // opened and the words typed before this file arrived.
  if (document.activeElement === input || root.classList.contains("wb-search--open")) open();
  if (input.value) input.dispatchEvent(new Event("input"));
})();
