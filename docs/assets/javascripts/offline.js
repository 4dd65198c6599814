/*
 * Offline: registers the site's service worker (sw.js at the site's root, see
 * hooks/learning_platform/offline-worker.js) and runs the control marked
 * data-offline-save at the foot of every page: "keep this language on my
 * phone". It says the size before anything is downloaded, shows progress,
 * and then what is kept, with a way to remove it.
 *
 * Without JavaScript, or in a browser without service workers, the control
 * stays hidden and the site works as before. Under `mkdocs serve` (no worker
 * address on the control) a worker left by an earlier build on the same
 * address is unregistered, so the preview never shows a stale copy.
 */
(function () {
  "use strict";

  var control = document.querySelector("[data-offline-save]");
  if (!control || !("serviceWorker" in navigator) || !window.caches) return;
  var workerAddress = control.getAttribute("data-offline-worker");
  var scope = control.getAttribute("data-offline-scope");
  if (!workerAddress) {
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) { registration.unregister(); });
    });
    return;
  }

  var lang = control.getAttribute("data-offline-language");
  var listAddress = control.getAttribute("data-offline-list");
  var words = {};
  Array.prototype.forEach.call(control.attributes, function (attribute) {
    if (attribute.name.indexOf("data-say-") === 0) words[attribute.name.slice(9)] = attribute.value;
  });
  var status = control.querySelector(".wb-offline__status");
  var bar = control.querySelector(".wb-offline__progress");
  var buttons = {};
  control.querySelectorAll("[data-offline-action]").forEach(function (button) {
    buttons[button.getAttribute("data-offline-action")] = button;
  });
  var KEEP_ALIVE_MS = 20000;  // a long save: the page reminds the worker, which may otherwise be stopped
  var keepAlive = 0;
  var list = null;

  // -- words -------------------------------------------------------------------

  function say(key, values) {
    return (words[key] || "").replace(/\{(\w+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? values[name] : all;
    });
  }

  // Dates and decimals the language's way, from the build (Babel): a phone's
  // browser may not know Albanian or Macedonian dates.
  function megabytes(bytes) {
    var value = bytes / 1e6;
    var text = value < 10 ? value.toFixed(1).replace(".", words.decimal || ".") : String(Math.round(value));
    return say("unit", { n: text });
  }

  function day(iso) {
    var date = new Date(iso), months = (words.months || "").split("|");
    return (words["date-pattern"] || "y-MM-dd").replace(/'([^']*)'|d+|M+|y+/g, function (token, literal) {
      if (literal !== undefined) return literal;
      if (token.charAt(0) === "d") return String(date.getDate());
      if (token.charAt(0) === "M") return token.length > 2 && months[date.getMonth()] ? months[date.getMonth()] : ("0" + (date.getMonth() + 1)).slice(-2);
      return String(date.getFullYear());
    });
  }

  function percent(done, total) {
    return total ? Math.min(100, Math.floor(100 * done / total)) : 0;
  }

  // -- what the control shows ---------------------------------------------------------

  function show(actions, text, value) {
    Object.keys(buttons).forEach(function (name) { buttons[name].hidden = actions.indexOf(name) < 0; });
    if (text !== null) status.textContent = text;
    bar.hidden = value === undefined;
    if (value !== undefined) {
      bar.value = value;
      bar.textContent = value + " %";
    }
    control.setAttribute("data-offline-state", actions.join(" ") || "busy");
  }

  function showProgress(message) {
    var value = percent(message.doneBytes, message.totalBytes);
    show([], say(message.updating ? "updating" : "progress", { percent: value }), value);
    control.setAttribute("data-offline-state", message.updating ? "updating" : "saving");
    if (!keepAlive) keepAlive = setInterval(function () { post({ type: "save", lang: lang }); }, KEEP_ALIVE_MS);
  }

  function stopKeepingAlive() {
    clearInterval(keepAlive);
    keepAlive = 0;
  }

  function showKept(mark) {
    stopKeepingAlive();
    show(["remove"], say("kept", { date: day(mark.date), size: megabytes(mark.bytes) }));
    control.setAttribute("data-offline-state", "kept");
  }

  function showIdle(text) {
    stopKeepingAlive();
    show(["ask"], text || "");
    control.setAttribute("data-offline-state", "none");
  }

  // -- talking to the worker -------------------------------------------------------

  function post(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      var worker = navigator.serviceWorker.controller || registration.active;
      if (worker) worker.postMessage(message);
    });
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.lang !== lang) return;
    if (message.type === "progress") showProgress(message);
    else if (message.type === "kept") showKept(message.mark);
    else if (message.type === "removed") showIdle(say("removed"));
    else if (message.type === "failed") {
      stopKeepingAlive();
      show(["resume", "remove"], say("failed-" + message.reason));
      control.setAttribute("data-offline-state", "failed");
    } else if (message.type === "status") {
      if (message.state === "kept" || message.state === "stale") showKept(message.mark);
      else if (message.state === "partial") {
        show(["resume", "remove"], say("partial"));
        control.setAttribute("data-offline-state", "partial");
      } else showIdle("");
    }
  });

  // -- the reader's choices -----------------------------------------------------------

  buttons.ask.addEventListener("click", function () {
    show([], say("checking"));
    fetch(listAddress, { cache: "no-cache" }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (data) {
      list = data;
      show(["start", "cancel"], say("size", { download: megabytes(data.download), size: megabytes(data.bytes), files: data.files }));
      control.setAttribute("data-offline-state", "asking");
      buttons.start.focus();
    }, function () {
      showIdle(say("no-network"));
    });
  });

  function start() {
    // Ask the browser not to clear the kept pages when space runs short
    // (granted or not by the browser's own rules; the save works either way).
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    showProgress({ doneBytes: 0, totalBytes: list ? list.bytes : 0 });
    post({ type: "save", lang: lang });
  }

  buttons.start.addEventListener("click", start);
  buttons.resume.addEventListener("click", start);
  buttons.cancel.addEventListener("click", function () {
    showIdle("");
    buttons.ask.focus();
  });
  buttons.remove.addEventListener("click", function () {
    post({ type: "remove", lang: lang });
  });

  // -- start ------------------------------------------------------------------------

  function refresh() {
    if (navigator.onLine !== false) post({ type: "refresh" });
  }

  control.hidden = false;
  showIdle("");

  // After the page has loaded, so that nothing competes with it on a weak line.
  window.addEventListener("load", function () {
    var firstVisit = !navigator.serviceWorker.controller;
    navigator.serviceWorker.register(workerAddress, { scope: scope }).catch(function () {
      control.hidden = true;
    });
    navigator.serviceWorker.ready.then(function () {
      if (firstVisit) {
        // This page came before the worker: keep it and what it loaded.
        var urls = [location.href].concat(performance.getEntriesByType("resource").map(function (entry) { return entry.name; }));
        post({ type: "keep", urls: urls });
      }
      post({ type: "status", lang: lang });
      refresh();
    });
  });

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // A new version of the site took over: bring what is kept up to date.
    refresh();
    post({ type: "status", lang: lang });
  });
  window.addEventListener("online", refresh);
})();
