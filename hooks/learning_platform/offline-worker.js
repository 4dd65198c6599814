/*
 * The platform's service worker (the build writes it to the site's root as
 * sw.js, after a line of SETTINGS: the site's version, its languages, the
 * words of the page shown when nothing can be found).
 *
 * What a reader gets:
 * - a page, search file or asset they opened opens again without a network;
 * - a language they chose to keep ("keep this language on my phone") opens
 *   whole without one: every page, its search, the assets (the files of its
 *   offline.json, each checked against its SHA-256);
 * - a copy is served straight from the phone only while it is known to be
 *   current: kept or fetched under this version of the site. Any other copy
 *   is a fallback: the network is asked first, revalidated past the browser's
 *   HTTP cache, and the older copy is used only when the network fails or
 *   has not answered in WAIT_MS. So a stale copy never sticks;
 * - updates: VERSION is a hash of every listed file, so a rebuild that changes
 *   any of them changes this file. The browser compares sw.js with the
 *   network on every page view; the new worker takes over at once
 *   (skipWaiting, clients.claim), copies of the older version stop being
 *   current, and each kept language is refreshed file by file (only the
 *   files whose hash changed are downloaded). A reader who is online sees
 *   the new text at the latest on the page view after the next one.
 *
 * Why not Workbox (a maintained library, and the first choice for a worker
 * of ordinary shape): what this site needs is mostly what Workbox does not
 * do. Its precaching downloads one fixed list when the worker installs, with
 * no progress events, no size up front and no choice per language; the save
 * on request with its size, progress and resume, the check of every file
 * against the build's hash, and "current under this version" are our own
 * lines in either case. What Workbox would add (its strategies and
 * expiration) is some twenty lines here. Using it would mean Node.js and
 * workbox-build in the site build (today Python alone builds the site) or
 * copying its runtime into the site from npm (Workbox 7.4.1's core, routing,
 * strategies, precaching and expiration: 10.5 KB compressed in five requests,
 * against 5 KB for this whole file as sent, comments left out), and following
 * its releases. The file stays small
 * and plain, like search.js, and a browser test drives every path of it.
 *
 * Caches (Cache Storage, this site's origin only; no third party), named
 * with the site's address:
 *   wb-opened <scope>         what the reader opened, each response marked
 *                             with the version it was fetched under
 *                             (x-wb-version); at most OPENED_AT_MOST entries,
 *                             the oldest dropped first
 *   wb-lang <scope> <code>    a kept language: its files, each marked with its
 *                             hash (x-wb-hash), and a mark saying which version
 *                             is complete
 */
"use strict";

var VERSION = SETTINGS.version;
var SCOPE = self.registration.scope;  // the site's root, ending in "/"
// Cache Storage belongs to the origin, which other sites on the same host share
// (GitHub Pages: every repository of an organisation): the names carry the scope.
var OPENED = "wb-opened " + SCOPE;
var KEPT = "wb-lang " + SCOPE + " ";
var VERSION_HEADER = "x-wb-version";
var HASH_HEADER = "x-wb-hash";
// A copy of an older version is shown only when the network fails, or has not
// answered in WAIT_MS (a line that connects but carries nothing): on the weak
// line of the benchmark (400 kbit/s, 400 ms) a page takes about 1.5 s, so an
// online reader gets the new text; the late answer is kept for the next view.
var WAIT_MS = 10000;
// Downloads at once while keeping a language: most files are small, so the
// wait of each request matters more than the bandwidth. Over HTTP/2 (GitHub
// Pages) they share one connection; over HTTP/1.1 the browser caps at six.
var PARALLEL = 12;
var ATTEMPTS = 3;
var OPENED_AT_MOST = 400;
var REPORT_EVERY_MS = 250;
var CHECK_EVERY_MS = 60000;

var marks = null;            // language -> what its kept copy holds ({version, date, bytes, download, files})
var jobs = {};               // language -> the save or refresh running
var puts = 0;
var checkedAt = 0;

// -- addresses -------------------------------------------------------------------

function rootOf(lang) {
  return lang === SETTINGS.defaultLanguage ? "" : lang + "/";
}

function languageOf(url) {
  var first = url.slice(SCOPE.length).split("/")[0];
  return SETTINGS.languages.indexOf(first) >= 0 ? first : SETTINGS.defaultLanguage;
}

function keyOf(url) {
  var address = new URL(url);
  address.search = "";
  address.hash = "";
  return address.href;
}

function markAddress(lang) {
  return SCOPE + ".kept/" + lang;
}

function listAddress(lang) {
  return SCOPE + rootOf(lang) + SETTINGS.list;
}

// -- what is kept ----------------------------------------------------------------

function loadMarks() {
  if (marks) return Promise.resolve(marks);
  return caches.keys().then(function (names) {
    var found = {};
    return Promise.all(names.filter(function (name) { return name.indexOf(KEPT) === 0; }).map(function (name) {
      var lang = name.slice(KEPT.length);
      return caches.open(name).then(function (cache) { return cache.match(markAddress(lang)); }).then(function (hit) {
        return hit ? hit.json().then(function (mark) { found[lang] = mark; }) : (found[lang] = found[lang] || null);
      });
    })).then(function () { marks = found; return marks; });
  });
}

/* The best copy on this phone: {response, current} or null. A kept language
   is current when its mark is this version's; an opened copy when it was
   fetched under this version. */
function lookup(url) {
  return loadMarks().then(function (kept) {
    var lang = languageOf(url);
    var order = Object.keys(kept).sort(function (a, b) { return (b === lang) - (a === lang); });
    var stale = null;
    function next(i) {
      if (i === order.length) {
        return caches.open(OPENED).then(function (cache) { return cache.match(url); }).then(function (hit) {
          if (hit) return { response: hit, current: hit.headers.get(VERSION_HEADER) === VERSION };
          return stale;
        });
      }
      return caches.open(KEPT + order[i]).then(function (cache) { return cache.match(url); }).then(function (hit) {
        if (!hit) return next(i + 1);
        var mark = kept[order[i]];
        if (mark && mark.version === VERSION) return { response: hit, current: true };
        stale = stale || { response: hit, current: false };
        return next(i + 1);
      });
    }
    return next(0);
  });
}

function withHeader(response, body, name, value) {
  var headers = new Headers(response.headers);
  // The body is stored decoded: the line's compression no longer applies.
  headers.delete("content-encoding");
  headers.delete("content-length");
  headers.set(name, value);
  return new Response(body, { status: 200, statusText: response.statusText, headers: headers });
}

function keepOpened(url, response) {
  return response.blob().then(function (body) {
    return caches.open(OPENED).then(function (cache) {
      return cache.put(url, withHeader(response, body, VERSION_HEADER, VERSION)).then(function () {
        puts += 1;
        if (puts % 25 === 0) return trim(cache);
      });
    });
  });
}

function trim(cache) {
  return cache.keys().then(function (requests) {
    var extra = requests.length - OPENED_AT_MOST;
    return Promise.all(requests.slice(0, Math.max(0, extra)).map(function (request) { return cache.delete(request); }));
  });
}

// -- answering the browser -------------------------------------------------------

function fromNetwork(url, event) {
  // "no-cache": the server is asked (a small "not modified" when nothing
  // changed), so a copy kept under this version is this version's file.
  var answer = fetch(url, { cache: "no-cache", credentials: "same-origin" });
  event.waitUntil(answer.then(function (response) {
    if (response.ok && response.type === "basic" && !response.redirected) return keepOpened(url, response.clone());
  }).catch(function () {}));
  return answer;
}

function within(promise, ms) {
  return new Promise(function (resolve) {
    var timer = setTimeout(function () { resolve(null); }, ms);
    promise.then(function (value) { clearTimeout(timer); resolve(value); },
                 function () { clearTimeout(timer); resolve(null); });
  });
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
}

/* A page that is neither on the phone nor reachable: say so in the reader's
   language, with the way home (which opens if it was kept or opened). */
function offlinePage(url) {
  var lang = languageOf(url);
  var words = SETTINGS.strings[lang] || SETTINGS.strings[SETTINGS.defaultLanguage];
  var styles = SETTINGS.stylesheets.map(function (href) {
    return '<link rel="stylesheet" href="' + escapeHtml(SCOPE + href) + '">';
  }).join("");
  var html = '<!doctype html><html lang="' + escapeHtml(lang) + '"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><title>' + escapeHtml(words.title) +
    "</title>" + styles + '</head><body><div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">' +
    '<div class="md-content"><article class="md-content__inner md-typeset" data-offline-missing><h1>' + escapeHtml(words.title) +
    "</h1><p>" + escapeHtml(words.text) + '</p><p><a href="' + escapeHtml(SCOPE + rootOf(lang)) + '">' + escapeHtml(words.home) +
    "</a></p></article></div></div></main></div></body></html>";
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'",
    },
  });
}

/* Is there a newer site? Browsers check sw.js after a navigation on their
   own, but Chromium puts the check off while the page keeps the worker busy
   (a reader browsing quickly); asking on each page view (at most once a
   minute) lets the next page view find the new version. */
function checkForUpdate(event) {
  var now = Date.now();
  if (now - checkedAt < CHECK_EVERY_MS) return;
  checkedAt = now;
  event.waitUntil(self.registration.update().catch(function () { checkedAt = 0; }));  // offline: ask again next time
}

function respond(event, url) {
  var navigation = event.request.mode === "navigate";
  if (navigation) checkForUpdate(event);
  return lookup(url).then(function (copy) {
    if (copy && copy.current) return copy.response;
    var network = fromNetwork(url, event);
    if (copy) {
      return within(network, WAIT_MS).then(function (response) {
        return response && response.status < 500 ? fresh(response, navigation) : copy.response;
      });
    }
    return network.then(function (response) { return fresh(response, navigation); }, function () {
      return navigation ? offlinePage(url) : Response.error();
    });
  });
}

function fresh(response, navigation) {
  // A page reached through a redirect ("x" to "x/") cannot be handed to a
  // navigation as it is: send the browser to where it ended.
  return navigation && response.redirected ? Response.redirect(response.url, 302) : response;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0 || request.headers.has("range")) return;
  var url = keyOf(request.url);
  // The lists are asked for fresh, to say the size before a save; the browser
  // checks this file itself.
  if (url === SCOPE + "sw.js" || url.slice(-(SETTINGS.list.length + 1)) === "/" + SETTINGS.list) return;
  event.respondWith(respond(event, url));
});

// -- keeping a language ------------------------------------------------------------

function broadcast(message) {
  return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (clients) {
    clients.forEach(function (client) { client.postMessage(message); });
  });
}

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
}

function sleep(ms) {
  return new Promise(function (resolve) { setTimeout(resolve, ms); });
}

function failure(reason) {
  var error = new Error(reason);
  error.reason = reason;
  return error;
}

/* One file of the list, checked against its hash before it is kept. A file
   that differs twice means the site changed during the save. */
function fetchChecked(cache, item, attempt) {
  attempt = attempt || 0;
  return fetch(item.url, { cache: attempt ? "reload" : "no-cache", credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw failure("changed");
    return response.arrayBuffer().then(function (body) {
      return crypto.subtle.digest("SHA-256", body).then(function (digest) {
        if (hex(digest).slice(0, 16) !== item.hash) {
          if (attempt + 1 < ATTEMPTS) return fetchChecked(cache, item, attempt + 1);
          throw failure("changed");
        }
        return cache.put(item.url, withHeader(response, body, HASH_HEADER, item.hash));
      });
    });
  }, function () {
    if (attempt + 1 < ATTEMPTS) return sleep(1000 * (attempt + 1)).then(function () { return fetchChecked(cache, item, attempt + 1); });
    throw failure("network");
  }).catch(function (error) {
    if (error && error.name === "QuotaExceededError") throw failure("space");
    throw error;
  });
}

function progress(job, force) {
  var now = Date.now();
  if (!force && now - job.reported < REPORT_EVERY_MS) return;
  job.reported = now;
  broadcast({ type: "progress", lang: job.lang, updating: job.updating, doneBytes: job.doneBytes,
              totalBytes: job.totalBytes, doneFiles: job.doneFiles, totalFiles: job.totalFiles });
}

function run(job) {
  var lang = job.lang;
  return fetch(listAddress(lang), { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw failure("changed");
    return response.json();
  }, function () { throw failure("network"); }).then(function (list) {
    if (list.version !== VERSION) self.registration.update().catch(function () {});
    job.totalBytes = list.bytes;
    job.totalFiles = list.files;
    return caches.open(KEPT + lang).then(function (cache) {
      var items = list.entries.map(function (entry) {
        return { url: new URL(entry[0], SCOPE).href, size: entry[1], hash: entry[2] };
      });
      var todo = [];
      return Promise.all(items.map(function (item) {
        return cache.match(item.url).then(function (hit) {
          if (hit && hit.headers.get(HASH_HEADER) === item.hash) {
            job.doneBytes += item.size;
            job.doneFiles += 1;
          } else {
            todo.push(item);
          }
        });
      })).then(function () {
        progress(job, true);
        var next = 0;
        function worker() {
          if (next >= todo.length) return Promise.resolve();
          var item = todo[next++];
          return fetchChecked(cache, item).then(function () {
            job.doneBytes += item.size;
            job.doneFiles += 1;
            progress(job, false);
            return worker();
          });
        }
        var workers = [];
        for (var i = 0; i < PARALLEL; i++) workers.push(worker());
        return Promise.all(workers);
      }).then(function () {
        // Files the site no longer has.
        var wanted = new Set(items.map(function (item) { return item.url; }));
        wanted.add(markAddress(lang));
        return cache.keys().then(function (requests) {
          return Promise.all(requests.filter(function (request) { return !wanted.has(request.url); })
            .map(function (request) { return cache.delete(request); }));
        });
      }).then(function () {
        var mark = { version: list.version, date: new Date().toISOString(), bytes: list.bytes,
                     download: list.download, files: list.files };
        return cache.put(markAddress(lang), new Response(JSON.stringify(mark), { headers: { "Content-Type": "application/json" } }))
          .then(function () { return mark; });
      });
    });
  });
}

function save(lang, updating) {
  if (jobs[lang]) return jobs[lang].promise;
  var job = { lang: lang, updating: updating, doneBytes: 0, totalBytes: 0, doneFiles: 0, totalFiles: 0, reported: 0 };
  jobs[lang] = job;
  job.promise = run(job).then(function (mark) {
    return loadMarks().then(function (kept) {
      kept[lang] = mark;
      delete jobs[lang];
      return broadcast({ type: "kept", lang: lang, mark: mark, current: mark.version === VERSION });
    });
  }, function (error) {
    delete jobs[lang];
    var reason = (error && error.reason) || "network";
    if (updating && reason === "network") {
      // An update the line cut short: the kept copy stays as it was, and the
      // next page view online continues where this one stopped.
      return loadMarks().then(function (kept) {
        return broadcast({ type: "status", lang: lang, state: "stale", mark: kept[lang] });
      });
    }
    return broadcast({ type: "failed", lang: lang, reason: reason, doneBytes: job.doneBytes, totalBytes: job.totalBytes });
  });
  return job.promise;
}

/* After an update: every kept language brought to this version. */
function refresh() {
  return loadMarks().then(function (kept) {
    return Promise.all(Object.keys(kept).filter(function (lang) {
      return kept[lang] && kept[lang].version !== VERSION;
    }).map(function (lang) { return save(lang, true); }));
  });
}

function remove(lang) {
  var job = jobs[lang];
  return (job ? job.promise : Promise.resolve()).then(function () {
    return caches.delete(KEPT + lang);
  }).then(function () {
    return loadMarks();
  }).then(function (kept) {
    delete kept[lang];
    return broadcast({ type: "removed", lang: lang });
  });
}

function status(lang) {
  return loadMarks().then(function (kept) {
    var job = jobs[lang];
    if (job) {
      return { type: "progress", lang: lang, updating: job.updating, doneBytes: job.doneBytes, totalBytes: job.totalBytes,
               doneFiles: job.doneFiles, totalFiles: job.totalFiles };
    }
    if (!(lang in kept)) return { type: "status", lang: lang, state: "none" };
    var mark = kept[lang];
    if (!mark) return { type: "status", lang: lang, state: "partial" };
    return { type: "status", lang: lang, state: mark.version === VERSION ? "kept" : "stale", mark: mark };
  });
}

/* The first page a reader opens is not yet this worker's: the page sends its
   address and the files it loaded, kept here as if they had come through. */
function keepPage(urls) {
  return Promise.all(urls.filter(function (url) { return typeof url === "string" && url.indexOf(SCOPE) === 0; })
    .map(function (url) {
      var key = keyOf(url);
      return lookup(key).then(function (copy) {
        if (copy && copy.current) return null;
        return fetch(key, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
          if (response.ok && response.type === "basic" && !response.redirected) return keepOpened(key, response);
        });
      }).catch(function () {});
    }));
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var lang = SETTINGS.languages.indexOf(data.lang) >= 0 ? data.lang : null;
  var reply = function (message) { if (event.source) event.source.postMessage(message); };
  if (data.type === "keep" && Array.isArray(data.urls)) event.waitUntil(keepPage(data.urls));
  else if (data.type === "save" && lang) event.waitUntil(save(lang, false));
  else if (data.type === "refresh") event.waitUntil(refresh());
  else if (data.type === "remove" && lang) event.waitUntil(remove(lang));
  else if (data.type === "status" && lang) event.waitUntil(status(lang).then(reply));
  else if (data.type === "version") reply({ type: "version", version: VERSION });
});

// -- a new version -----------------------------------------------------------------

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});
