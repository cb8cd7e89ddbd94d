// The print button needs JavaScript, so it is hidden until this script runs.
// Without JavaScript the browser's own print command and the PDF link still work.
(function () {
  "use strict";
  document.querySelectorAll(".js-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  // Printing from the browser: show every folded "Why?" and option section on paper,
  // then fold back the ones that were closed.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [];
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) {
      details.open = false;
    });
  });
})();
