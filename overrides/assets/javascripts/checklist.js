/*
 * Protocol checklists: remember the reader's ticks, show progress, reset.
 *
 * The page works without this script: the steps are a numbered list of real
 * checkboxes. This adds memory in localStorage, keyed by the protocol id and
 * the step ids (never positions or the language), so reordering steps moves
 * no tick and a switch from Hungarian to Portuguese keeps them. When storage
 * is unavailable (private mode, blocked), ticking still works and is simply
 * forgotten. Stored value: {"ticked": [step ids], "completed": "YYYY-MM-DD"},
 * where "completed" records the first time every step was ticked and survives
 * a reset (the onboarding path reads it).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var pageId = script && script.getAttribute("data-handbook-page");
  var KEY_PREFIX = "handbook:checklist:";

  function read(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key) || "null");
      return value && typeof value === "object" ? value : {};
    } catch (error) {
      return {};
    }
  }

  function write(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (error) {
      /* storage unavailable: the checklist still works for this visit */
    }
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  function setUp(checklist) {
    var key = KEY_PREFIX + pageId;
    var boxes = Array.prototype.slice.call(checklist.querySelectorAll("input[type=checkbox][data-step]"));
    var status = checklist.querySelector(".handbook-checklist__progress");
    var reset = checklist.querySelector(".handbook-checklist__reset");
    var controls = checklist.querySelector(".handbook-checklist__controls");
    var saved = read(key);
    var ticked = Array.isArray(saved.ticked) ? saved.ticked : [];

    boxes.forEach(function (box) {
      box.checked = ticked.indexOf(box.getAttribute("data-step")) !== -1;
    });

    function progress() {
      var done = boxes.filter(function (box) { return box.checked; }).length;
      var template = status.getAttribute(done === boxes.length ? "data-complete" : "data-progress");
      var text = template.replace("{done}", String(done)).replace("{total}", String(boxes.length));
      if (status.textContent !== text) {
        status.textContent = text;
      }
      checklist.classList.toggle("handbook-checklist--complete", done === boxes.length);
      return done;
    }

    function save() {
      var done = progress();
      var state = read(key);
      state.ticked = boxes.filter(function (box) { return box.checked; }).map(function (box) {
        return box.getAttribute("data-step");
      });
      if (done === boxes.length && !state.completed) {
        state.completed = today();
      }
      write(key, state);
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", save);
    });
    reset.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      save();
    });
    progress();
    controls.hidden = false;
  }

  if (!pageId) {
    return;
  }
  Array.prototype.forEach.call(document.querySelectorAll(".handbook-checklist"), setUp);
})();
