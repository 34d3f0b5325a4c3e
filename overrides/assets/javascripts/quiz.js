/*
 * Quizzes and the onboarding assessment (scripts/handbook/quizzes.py).
 *
 * Without this script a quiz reads as a list of questions, each with its
 * answers and explanation in a closed <details>. This adds checking: choosing
 * an answer (click, arrow keys) only selects it; "Check answer" checks it.
 * Feedback is written in words in a role="status" region. Answers are stored
 * in localStorage under the page id and the question ids (never the language
 * or positions), so a reader who switches from Hungarian to Portuguese finds
 * their answers. Stored value:
 *   {"answers": {"<question id>": {"chosen": ["b"], "checked": true, "shown": false}},
 *    "result": {"score": 20, "total": 25, "passed": true, "date": "YYYY-MM-DD", "language": "Magyar"},
 *    "name": "...", "passed": "YYYY-MM-DD"}
 * ("result" and "name" only on the assessment; "passed", on a principle's quiz, records
 * the first time every question was answered right, and survives a reset, like a
 * checklist's "completed"). Without storage, quizzes work
 * and forget.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var pageId = script && script.getAttribute("data-handbook-page");
  var KEY = "handbook:quiz:" + pageId;
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var toArray = function (list) { return Array.prototype.slice.call(list); };

  function read() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY) || "null");
      return value && typeof value === "object" ? value : {};
    } catch (error) {
      return {};
    }
  }

  function write(state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) {
      /* storage unavailable: the quiz still works for this visit */
    }
  }

  function update(change) {
    var state = read();
    change(state);
    write(state);
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  function say(region, text) {
    if (region.textContent !== text) {
      region.textContent = text;
    }
  }

  /* One question: its inputs, answer key, status region and solution. */
  function Question(element, words) {
    this.element = element;
    this.words = words;
    this.id = element.getAttribute("data-question");
    this.topic = element.getAttribute("data-topic") || "";
    this.key = (element.getAttribute("data-key") || "").split(",").sort();
    this.inputs = toArray(element.querySelectorAll("input"));
    this.status = element.querySelector(".handbook-quiz__status");
    this.solution = element.querySelector(".handbook-quiz__solution");
    this.check = element.querySelector(".handbook-quiz__check");
    this.retry = element.querySelector(".handbook-quiz__retry");
    this.show = element.querySelector(".handbook-quiz__show");
  }

  /* A practice question's buttons, which only work with this script: added here, hidden until set up. */
  function addButtons(element, words) {
    var controls = document.createElement("div");
    controls.className = "handbook-quiz__buttons";
    controls.hidden = true;
    [
      ["md-button md-button--primary handbook-quiz__check", words.check, false],
      ["md-button handbook-quiz__retry", words.try_again, true],
      ["md-button handbook-quiz__show", words.show_answer, false]
    ].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = spec[0];
      button.textContent = spec[1];
      button.hidden = spec[2];
      controls.appendChild(button);
    });
    element.insertBefore(controls, element.querySelector(".handbook-quiz__status"));
  }

  Question.prototype.chosen = function () {
    return this.inputs.filter(function (input) { return input.checked; }).map(function (input) {
      return input.value;
    });
  };

  Question.prototype.choose = function (letters) {
    this.inputs.forEach(function (input) { input.checked = letters.indexOf(input.value) !== -1; });
  };

  Question.prototype.isRight = function (letters) {
    return letters.slice().sort().join(",") === this.key.join(",");
  };

  Question.prototype.lock = function (locked) {
    this.inputs.forEach(function (input) { input.disabled = locked; });
  };

  Question.prototype.reveal = function (visible, open) {
    this.solution.hidden = !visible;
    this.solution.open = Boolean(open);
  };

  /* The verdict in words: right, or wrong with the chosen answers' own feedback. */
  Question.prototype.verdict = function (letters) {
    if (this.isRight(letters)) {
      return this.words.correct;
    }
    var solution = this.solution;
    var parts = [this.words.incorrect];
    letters.forEach(function (letter) {
      var feedback = solution.querySelector(
        ".handbook-quiz__verdict--wrong[data-answer='" + letter + "'] .handbook-quiz__feedback"
      );
      if (feedback) {
        parts.push(feedback.textContent.trim());
      }
    });
    var key = this.key;
    var missing = key.some(function (letter) { return letters.indexOf(letter) === -1; });
    var wrongChosen = letters.some(function (letter) { return key.indexOf(letter) === -1; });
    if (missing && !wrongChosen) {
      parts.push(this.words.incomplete);
    }
    return parts.join(" ");
  };

  Question.prototype.mark = function (right) {
    this.element.classList.toggle("handbook-quiz__question--right", right === true);
    this.element.classList.toggle("handbook-quiz__question--wrong", right === false);
  };

  Question.prototype.clear = function () {
    this.choose([]);
    this.lock(false);
    this.mark(null);
    this.reveal(false, false);
    say(this.status, "");
  };

  function focusFirst(question) {
    var target = question.inputs.filter(function (input) { return input.checked; })[0] || question.inputs[0];
    if (target) {
      target.focus();
    }
  }

  /* --- a principle's quiz: check each question on its own ----------------------- */

  function setUpQuiz(quiz, words) {
    each(quiz.querySelectorAll(".handbook-quiz__question"), function (element) {
      addButtons(element, words);
    });
    var questions = toArray(quiz.querySelectorAll(".handbook-quiz__question")).map(function (element) {
      return new Question(element, words);
    });
    var controls = quiz.querySelector(".handbook-quiz__controls");
    var progress = quiz.querySelector(".handbook-quiz__progress");

    function showProgress() {
      var answers = read().answers || {};
      var right = questions.filter(function (question) {
        var saved = answers[question.id];
        return saved && saved.checked && question.isRight(saved.chosen || []);
      }).length;
      say(progress, fill(words.progress, { correct: right, total: questions.length }));
      if (right === questions.length && !read().passed) {
        update(function (state) { state.passed = new Date().toISOString().slice(0, 10); }); /* the onboarding path counts it done */
      }
    }

    function save(question, checked, shown) {
      update(function (state) {
        state.answers = state.answers || {};
        state.answers[question.id] = { chosen: question.chosen(), checked: checked, shown: shown };
      });
      showProgress();
    }

    function showChecked(question, moveFocus) {
      var letters = question.chosen();
      var right = question.isRight(letters);
      question.lock(true);
      question.mark(right);
      say(question.status, question.verdict(letters));
      question.check.hidden = true;
      question.retry.hidden = false;
      if (right) {
        question.reveal(true, true);
      }
      if (moveFocus) {
        question.retry.focus(); /* the pressed button is gone: the next action is here */
      }
    }

    function showAnswer(question, moveFocus) {
      question.reveal(true, true);
      say(question.status, words.shown);
      if (moveFocus) {
        question.solution.querySelector("summary").focus();
      }
    }

    function reopen(question) {
      question.lock(false);
      question.mark(null);
      question.reveal(false, false);
      say(question.status, "");
      question.check.hidden = false;
      question.retry.hidden = true;
    }

    questions.forEach(function (question) {
      question.check.addEventListener("click", function () {
        if (!question.chosen().length) {
          say(question.status, words.choose_first);
          return;
        }
        showChecked(question, true);
        save(question, true, false);
      });
      question.retry.addEventListener("click", function () {
        reopen(question);
        save(question, false, false);
        focusFirst(question);
      });
      question.show.addEventListener("click", function () {
        showAnswer(question, true);
        update(function (state) {
          state.answers = state.answers || {};
          var saved = state.answers[question.id] || { chosen: question.chosen(), checked: false };
          saved.shown = true;
          state.answers[question.id] = saved;
        });
      });
      question.element.querySelector(".handbook-quiz__buttons").hidden = false;
    });

    quiz.querySelector(".handbook-quiz__reset").addEventListener("click", function () {
      update(function (state) { state.answers = {}; });
      questions.forEach(function (question) {
        question.clear();
        reopen(question);
      });
      showProgress();
    });

    var answers = read().answers || {};
    questions.forEach(function (question) {
      question.reveal(false, false); /* the answer waits until the reader checks or asks for it */
      var saved = answers[question.id];
      if (!saved) {
        return;
      }
      question.choose(saved.chosen || []);
      if (saved.checked && question.chosen().length) {
        showChecked(question, false);
      }
      if (saved.shown) {
        showAnswer(question, false);
      }
    });
    showProgress();
    controls.hidden = false;
  }

  /* --- the assessment: one score for every question ------------------------------ */

  function setUpAssessment(quiz, words) {
    var questions = toArray(quiz.querySelectorAll(".handbook-quiz__question")).map(function (element) {
      return new Question(element, words);
    });
    var controls = quiz.querySelector(".handbook-quiz__controls");
    var submit = quiz.querySelector(".handbook-quiz__submit");
    var status = quiz.querySelector(".handbook-quiz__progress");
    var result = quiz.querySelector(".handbook-quiz__result");
    var title = result.querySelector(".handbook-quiz__result-title");
    var nameInput = result.querySelector(".handbook-quiz__name-input");
    var passMark = parseInt(result.getAttribute("data-pass"), 10);
    var lang = document.documentElement.lang || "en";

    function field(name, scope) {
      return (scope || result).querySelector("[data-field='" + name + "']");
    }

    function showName(name) {
      field("name").textContent = name;
      each(result.querySelectorAll(".handbook-quiz__print-name"), function (element) {
        element.hidden = !name;
      });
    }

    function formatDate(iso) {
      var parts = iso.split("-");
      var day = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
      try {
        return day.toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
      } catch (error) {
        return iso;
      }
    }

    function showResult(saved, moveFocus) {
      var rows = {};
      questions.forEach(function (question, index) {
        var right = question.isRight(question.chosen());
        question.lock(true);
        question.mark(right);
        question.reveal(true, !right);
        say(question.status, right ? words.your_answer_right : words.your_answer_wrong);
        var row = rows[question.topic] || (rows[question.topic] = { right: 0, total: 0, wrong: [] });
        row.total += 1;
        if (right) {
          row.right += 1;
        } else {
          row.wrong.push({ id: question.id, number: index + 1 });
        }
      });
      var percent = Math.floor((saved.score * 100) / saved.total);
      var verdict = saved.passed ? words.passed : words.failed;
      field("result").textContent = verdict;
      field("score").textContent = fill(words.score_value, {
        score: saved.score, total: saved.total, percent: percent, pass: passMark
      });
      field("date").textContent = formatDate(saved.date);
      field("language").textContent = saved.language;
      result.classList.toggle("handbook-quiz__result--passed", saved.passed);
      each(result.querySelectorAll("tr[data-topic]"), function (tr) {
        var row = rows[tr.getAttribute("data-topic")] || { right: 0, total: 0, wrong: [] };
        field("right", tr).textContent = row.right + " / " + row.total;
        var cell = field("reread", tr);
        cell.textContent = "";
        if (!row.wrong.length) {
          cell.textContent = words.reread_none;
        }
        row.wrong.forEach(function (wrong, position) {
          var link = document.createElement("a");
          link.href = "#" + wrong.id;
          link.textContent = fill(words.question_link, { number: wrong.number });
          if (position) {
            cell.appendChild(document.createTextNode(", "));
          }
          cell.appendChild(link);
        });
      });
      submit.hidden = true;
      result.hidden = false;
      say(status, fill(words.result_status, { percent: percent, verdict: verdict }));
      if (moveFocus) {
        title.focus();
      }
    }

    function saveAnswers() {
      update(function (state) {
        state.answers = {};
        questions.forEach(function (question) {
          state.answers[question.id] = { chosen: question.chosen(), checked: false, shown: false };
        });
      });
    }

    function start() {
      update(function (state) {
        delete state.result;
        state.answers = {};
      });
      questions.forEach(function (question) { question.clear(); });
      result.hidden = true;
      submit.hidden = false;
      say(status, "");
    }

    questions.forEach(function (question) {
      question.inputs.forEach(function (input) { input.addEventListener("change", saveAnswers); });
    });

    submit.addEventListener("click", function () {
      var open = questions.filter(function (question) { return !question.chosen().length; });
      if (open.length) {
        say(status, fill(words.unanswered, { count: open.length }));
        focusFirst(open[0]);
        return;
      }
      var score = questions.filter(function (question) { return question.isRight(question.chosen()); }).length;
      var saved = {
        score: score,
        total: questions.length,
        /* integer arithmetic: 79.9% never rounds up to a pass */
        passed: score * 100 >= passMark * questions.length,
        date: new Date().toISOString().slice(0, 10),
        language: result.getAttribute("data-language")
      };
      saveAnswers();
      update(function (state) { state.result = saved; });
      showResult(saved, true);
    });

    result.querySelector(".handbook-quiz__retake").addEventListener("click", function () {
      start();
      focusFirst(questions[0]);
    });
    result.querySelector(".handbook-quiz__print").addEventListener("click", function () {
      window.print();
    });
    nameInput.addEventListener("input", function () {
      var name = nameInput.value.trim();
      showName(name);
      update(function (state) { state.name = name; });
    });

    var state = read();
    var answers = state.answers || {};
    questions.forEach(function (question) {
      var saved = answers[question.id];
      question.choose(saved && saved.chosen ? saved.chosen : []);
      question.reveal(false, false);
    });
    nameInput.value = state.name || "";
    showName(nameInput.value);
    if (state.result && questions.every(function (question) { return question.chosen().length; })) {
      showResult(state.result, false);
    }
    controls.hidden = false;
  }

  if (!pageId) {
    return;
  }
  each(document.querySelectorAll(".handbook-quiz"), function (quiz) {
    var data = quiz.querySelector("script.handbook-quiz__words");
    var words = JSON.parse(data ? data.textContent : "{}");
    if (quiz.getAttribute("data-quiz") === "assessment") {
      setUpAssessment(quiz, words);
    } else {
      setUpQuiz(quiz, words);
    }
  });
})();
