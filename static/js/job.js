// The "making the lesson" page: ask for the job's status every second; open the review
// screen when the lesson is ready, or reload (which shows the error) when it failed.
// Without JavaScript, a <noscript> refresh reloads the page instead.
(function () {
  "use strict";
  var box = document.querySelector("[data-status]");
  if (!box) return;
  var step = document.getElementById("job-step");
  var failures = 0;

  function poll() {
    fetch(box.getAttribute("data-status"), { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (job) {
        failures = 0;
        if (job.state === "done" && job.review_url) {
          window.location.assign(job.review_url);
        } else if (job.state === "failed") {
          window.location.reload();
        } else {
          if (job.step && step.textContent !== job.step + "…") step.textContent = job.step + "…";
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        failures += 1;
        window.setTimeout(poll, Math.min(10000, 1000 * Math.pow(2, failures)));
      });
  }
  window.setTimeout(poll, 700);
})();
