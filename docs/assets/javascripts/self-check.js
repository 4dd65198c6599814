/*
 * A module's self-check, answered in the browser
 * (hooks/learning_platform/self_check.py writes it).
 *
 * Without this script each question is a set of radio buttons with its answer
 * and explanation in a closed <details>: the reader picks, then opens it. With
 * it, picking an answer says at once whether it is right (the right letter if
 * not) and opens the explanation; a line under the questions counts the right
 * answers so far. Nothing is stored or sent: a reload starts afresh.
 */
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  document.querySelectorAll("[data-self-check][data-right]").forEach(function (check) {
    var questions = check.querySelectorAll("fieldset[data-answer]");
    var score = check.querySelector(".self-check__score");

    function count() {
      var answered = 0, right = 0;
      questions.forEach(function (question) {
        var picked = question.querySelector("input:checked");
        if (!picked) return;
        answered += 1;
        if (picked.value === question.getAttribute("data-answer")) right += 1;
      });
      if (!score || !answered) return;
      score.hidden = false;
      score.textContent = fill(check.getAttribute("data-score"),
        { right: right, answered: answered, total: questions.length });
    }

    questions.forEach(function (question) {
      var verdict = question.querySelector(".self-check__verdict");
      var answer = question.querySelector("details");
      question.addEventListener("change", function (event) {
        if (!event.target.matches("input[type=radio]")) return;
        var right = event.target.value === question.getAttribute("data-answer");
        question.classList.toggle("self-check__question--right", right);
        question.classList.toggle("self-check__question--wrong", !right);
        verdict.textContent = right ? check.getAttribute("data-right")
          : fill(check.getAttribute("data-wrong"), { letter: question.getAttribute("data-answer-label") });
        if (answer) answer.open = true;
        count();
      });
    });
  });
})();
