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
})();
