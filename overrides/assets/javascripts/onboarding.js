/*
 * The onboarding path's progress (scripts/handbook/onboarding.py).
 *
 * Without this script the path is a numbered list of links. This marks each
 * entry done or not from what the other pages stored in this browser:
 *   - a principle is done once its quiz was passed (every question right):
 *     "passed" in "handbook:quiz:<id>";
 *   - a protocol, once its checklist was completed: "completed" in
 *     "handbook:checklist:<id>";
 *   - the assessment, once it was passed: "result.passed" in "handbook:quiz:assessment".
 * The reset forgets the answers, ticks and results of every page on the path.
 * Without storage, the progress stays hidden and the list still works.
 */
(function () {
  "use strict";

  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function key(item) {
    var kind = item.getAttribute("data-kind");
    var id = item.getAttribute("data-id");
    return (kind === "protocol" ? "handbook:checklist:" : "handbook:quiz:") + id;
  }

  function isDone(item, stored) {
    if (!stored || typeof stored !== "object") {
      return false;
    }
    var kind = item.getAttribute("data-kind");
    if (kind === "protocol") {
      return Boolean(stored.completed);
    }
    if (kind === "assessment") {
      return Boolean(stored.result && stored.result.passed);
    }
    return Boolean(stored.passed);
  }

  function read(name) {
    var value = window.localStorage.getItem(name); /* throws when storage is blocked */
    try {
      return JSON.parse(value || "null");
    } catch (error) {
      return null;
    }
  }

  function setUp() {
    var controls = document.querySelector(".handbook-path__controls");
    var items = document.querySelectorAll(".handbook-path__item");
    if (!controls || !items.length) {
      return;
    }
    var progress = controls.querySelector(".handbook-path__progress");
    var words = {
      progress: progress.getAttribute("data-progress"),
      complete: progress.getAttribute("data-complete"),
      resetDone: progress.getAttribute("data-reset-done"),
      done: progress.getAttribute("data-done"),
      notDone: progress.getAttribute("data-not-done")
    };

    function fill(template, values) {
      return template.replace(/\{(\w+)\}/g, function (match, name) {
        return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
      });
    }

    function show(message) {
      var done = 0;
      each(items, function (item) {
        var finished = isDone(item, read(key(item)));
        var status = item.querySelector(".handbook-path__status");
        status.textContent = finished ? words.done : words.notDone;
        status.hidden = false;
        item.classList.toggle("handbook-path__item--done", finished);
        done += finished ? 1 : 0;
      });
      var total = items.length;
      var text = fill(done === total ? words.complete : words.progress, { done: done, total: total });
      progress.textContent = message ? message + " " + text : text;
    }

    try {
      show("");
    } catch (error) {
      return; /* no storage: no progress to show */
    }
    controls.hidden = false;
    controls.querySelector(".handbook-path__reset").addEventListener("click", function () {
      each(items, function (item) {
        window.localStorage.removeItem(key(item));
      });
      show(words.resetDone);
    });
    window.addEventListener("storage", function () { show(""); }); /* a quiz passed in another tab */
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
