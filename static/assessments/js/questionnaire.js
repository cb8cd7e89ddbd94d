// Progressive enhancement only: the questionnaire works the same without JavaScript.
// After a failed step, move keyboard and screen-reader focus to the error summary.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
