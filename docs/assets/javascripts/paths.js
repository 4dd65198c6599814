/*
 * A learning path, followed in the reader's browser
 * (hooks/learning_platform/paths.py writes the page).
 *
 * Without this script the page is an ordered list of links, each self-check
 * answerable on its own (self-check.js). With it, a step can be marked done,
 * a self-check counts as passed once every answer is right, and the record
 * to print for a supervisor lists each step with its date.
 *
 * Progress lives in this browser's localStorage only, under one key, by
 * page: a practice read on one path shows as done on every path that has
 * it. Nothing is sent anywhere; another browser or device knows nothing of
 * it. Dates are the reader's own calendar days, printed in the page's
 * language (the same words as the workshop pack's dates).
 */
(function () {
  "use strict";

  var KEY = "wb-platform-learning-progress";
  var root = document.querySelector("[data-learning-path]");
  if (!root || !window.platformDates) return;
  var storage;
  try {
    storage = window.localStorage;
    storage.setItem(KEY + "-test", "1");
    storage.removeItem(KEY + "-test");
  } catch (error) {
    return; // storage refused (a private mode, a policy): the page stays a plain list
  }

  function word(name) {
    return root.getAttribute("data-" + name) || "";
  }

  var fill = platformDates.fill, today = platformDates.today;

  function longDate(iso) {
    return platformDates.longDate(iso, root);
  }

  function load() {
    try {
      var saved = JSON.parse(storage.getItem(KEY) || "{}");
      return saved && typeof saved === "object" && saved.steps ? saved : { steps: {} };
    } catch (error) {
      return { steps: {} };
    }
  }

  function save(progress) {
    storage.setItem(KEY, JSON.stringify(progress));
  }

  var steps = Array.prototype.slice.call(root.querySelectorAll("li[data-step]"));
  var summary = document.querySelector("[data-learning-progress]");
  var record = document.querySelector("[data-learning-record]");

  function show() {
    var progress = load();
    var done = 0;
    steps.forEach(function (step) {
      var entry = progress.steps[step.getAttribute("data-step")];
      var status = step.querySelector(".learning-path__status");
      var button = step.querySelector(".learning-path__mark");
      var passed = step.getAttribute("data-kind") === "self-check";
      if (entry) done += 1;
      step.classList.toggle("learning-path__step--done", !!entry);
      status.hidden = !entry;
      status.textContent = entry ? fill(word(passed ? "paths-passed-on" : "paths-done-on"), { date: longDate(entry.done) }) : "";
      if (button) {
        button.hidden = false;
        button.textContent = word(entry ? "paths-unmark" : "paths-mark");
        button.setAttribute("aria-pressed", entry ? "true" : "false");
      }
    });
    var line = fill(word("paths-progress"), { done: done, total: steps.length });
    if (summary) {
      summary.hidden = false;
      summary.textContent = line;
    }
    if (!record) return;
    record.querySelectorAll("tr[data-record-step]").forEach(function (row) {
      var entry = progress.steps[row.getAttribute("data-record-step")];
      row.classList.toggle("learning-record__row--done", !!entry);
      row.querySelector("[data-record-date]").textContent = entry ? longDate(entry.done) : word("paths-not-yet");
    });
    record.querySelector("[data-record-summary]").textContent = line;
    var printed = record.querySelector("[data-record-printed]");
    printed.textContent = fill(printed.getAttribute("data-template"), { date: longDate(today()) });
  }

  function mark(key, entry) {
    var progress = load();
    if (entry) progress.steps[key] = entry;
    else delete progress.steps[key];
    save(progress);
    show();
  }

  steps.forEach(function (step) {
    var key = step.getAttribute("data-step");
    var button = step.querySelector(".learning-path__mark");
    if (button) {
      button.addEventListener("click", function () {
        mark(key, load().steps[key] ? null : { done: today() });
      });
    }
    var questions = step.querySelectorAll("fieldset[data-answer]");
    if (!questions.length) return;
    // Passed once every question's answer picked is the right one; the first day it was passed stays.
    step.addEventListener("change", function () {
      var right = 0;
      questions.forEach(function (question) {
        var picked = question.querySelector("input:checked");
        if (picked && picked.value === question.getAttribute("data-answer")) right += 1;
      });
      if (right === questions.length && !load().steps[key]) mark(key, { done: today(), right: right });
    });
  });

  document.querySelectorAll(".learning-path__nojs").forEach(function (note) { note.hidden = true; });
  document.querySelectorAll(".learning-path__controls, .learning-record__controls, .learning-record__sheet")
    .forEach(function (part) { part.hidden = false; });
  // Printed, the page is the record alone (platform.css); without this script it prints as the list.
  document.documentElement.classList.add("learning-path-ready");

  var clear = document.querySelector("[data-learning-clear]");
  if (clear) {
    clear.addEventListener("click", function () {
      if (!window.confirm(word("paths-clear-confirm"))) return;
      storage.removeItem(KEY);
      show();
    });
  }
  var print = document.querySelector("[data-record-print]");
  if (print) {
    print.addEventListener("click", function () { window.print(); });
  }
  // Another tab of the same browser marked a step: show it here too.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) show();
  });
  show();
})();
