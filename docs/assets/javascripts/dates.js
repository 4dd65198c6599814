/*
 * Dates and message templates in the reader's language, shared by the
 * workshop pack (pack.js) and the learning paths (paths.js), loaded before
 * them on those pages only (overrides/main.html).
 *
 * The page carries the words, in attributes of the element passed in:
 * data-date-long, the language's order of a date ("{day}. {month} {year}."),
 * and data-date-months, the twelve month names separated by commas.
 */
var platformDates = (function () {
  "use strict";

  // "{name}" replaced by values[name]; a name without a value stays as written.
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // The reader's calendar day (not UTC's): YYYY-MM-DD.
  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // YYYY-MM-DD written as the language writes a date; anything else as given.
  function longDate(iso, words) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!parts) return iso || "";
    var months = (words.getAttribute("data-date-months") || "").split(",");
    return fill(words.getAttribute("data-date-long") || "", {
      day: String(parseInt(parts[3], 10)), month: months[parseInt(parts[2], 10) - 1] || parts[2], year: parts[1]
    });
  }

  return { fill: fill, pad: pad, today: today, longDate: longDate };
})();
