// Progressive enhancement only: the questionnaire works the same without JavaScript.
(function () {
  "use strict";

  // After a failed step, move keyboard and screen-reader focus to the error summary.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }

  // Reveal a follow-up question as soon as the answers it depends on make it apply.
  // Its data-reveal-when holds the rules of its intake condition (intake.py, Condition)
  // that answers on this page decide: [key, "any_of" or "none_of", [values]], all of
  // which must hold, each once its question is answered (as rule_decided_and_holds).
  // The server decides the same after Next, so without JavaScript the question simply
  // appears one page later.
  var form = document.querySelector("form.questionnaire");
  if (!form) {
    return;
  }
  var conditional = Array.prototype.map.call(
    form.querySelectorAll("[data-reveal-when]"),
    function (element) {
      return { element: element, rules: JSON.parse(element.dataset.revealWhen) };
    }
  );

  function chosenValues(key) {
    var values = [];
    form.querySelectorAll('input[name="' + key + '"]').forEach(function (input) {
      if (input.checked) {
        values.push(input.value);
      }
    });
    return values;
  }

  function ruleHolds(rule) {
    var chosen = chosenValues(rule[0]);
    if (chosen.length === 0) {
      return false;
    }
    var anyListed = chosen.some(function (value) {
      return rule[2].indexOf(value) !== -1;
    });
    return rule[1] === "any_of" ? anyListed : !anyListed;
  }

  var groups = form.querySelectorAll("[data-reveal-group]");

  function update() {
    conditional.forEach(function (question) {
      question.element.hidden = !question.rules.every(ruleHolds);
    });
    // A group of rows (how each treatment went) shows while any of its rows does.
    groups.forEach(function (group) {
      group.hidden = !Array.prototype.some.call(
        group.querySelectorAll(".result-row"),
        function (row) { return !row.hidden; }
      );
    });
  }

  // "None of these" and another answer cannot go together: ticking one unticks the
  // other at once, instead of an error after Next (the server still checks).
  function keepExclusive(event) {
    var input = event.target;
    var fieldset = input.closest ? input.closest("fieldset[data-exclusive]") : null;
    if (!fieldset || input.type !== "checkbox" || !input.checked) {
      return;
    }
    var exclusive = fieldset.dataset.exclusive;
    fieldset.querySelectorAll('input[type="checkbox"]').forEach(function (other) {
      if (other !== input && (input.value === exclusive || other.value === exclusive)) {
        other.checked = false;
      }
    });
  }

  // A live character count where text is limited (GOV.UK's pattern). The box has no
  // maxlength: the browser would cut pasted text without saying so; too long is an
  // error after Next instead, and the count says how far over it is.
  function updateCount(box) {
    var holder = box.closest("[data-max-length]");
    if (!holder) {
      return;
    }
    var limit = parseInt(holder.dataset.maxLength, 10);
    var left = limit - box.value.trim().length;
    var count = holder.querySelector(".character-count");
    count.textContent = left >= 0
      ? "You have " + left + " character" + (left === 1 ? "" : "s") + " left."
      : "You have " + -left + " character" + (left === -1 ? "" : "s") + " too many.";
    count.classList.toggle("character-count--over", left < 0);
  }
  form.querySelectorAll("[data-max-length] textarea").forEach(function (box) {
    box.addEventListener("input", function () {
      updateCount(box);
    });
    if (box.value) {
      updateCount(box);
    }
  });

  form.addEventListener("change", function (event) {
    keepExclusive(event);
    update();
  });
  update();
})();
