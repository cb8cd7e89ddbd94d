// While the background worker makes the summary PDF, the link is hidden and the page
// asks every 2 seconds whether the PDF is stored; then the link comes back and the
// status line says so. Without JavaScript the link stays: it answers "being prepared,
// try again in a moment" until the PDF is there.
(function () {
  "use strict";
  var box = document.querySelector("[data-pdf-status-url]");
  if (!box || !window.fetch) {
    return;
  }
  var link = box.querySelector("a");
  var status = box.querySelector(".pdf-preparing");
  var triesLeft = 30;
  link.hidden = true;

  function showLink(message) {
    link.hidden = false;
    status.textContent = message;
  }

  function ask() {
    fetch(box.dataset.pdfStatusUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.ready) {
          showLink("Your PDF is ready.");
        } else if (--triesLeft > 0) {
          window.setTimeout(ask, 2000);
        } else {
          showLink("The PDF is taking longer than usual. Try the link in a minute.");
        }
      })
      .catch(function () {
        showLink("");
      });
  }
  window.setTimeout(ask, 1000);
})();
