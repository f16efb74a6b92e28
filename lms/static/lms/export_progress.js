// Follows the exports on their way on a report page or an export's page.
// Each job's status asks for its fragment now and then: less often the
// longer it waits, never while the page is hidden, and no more once the job
// is ready or failed. The body (progress bar, counts, download button) is
// replaced silently; the message is a polite live region whose text changes
// only with the job's state. Without this script, "Check again" and the
// email lead to the same download.
(function () {
  "use strict";
  var FIRST_DELAY = 2000;
  var LONGEST_DELAY = 30000;

  function schedule(status, delay) {
    window.setTimeout(function () {
      check(status, delay);
    }, delay);
  }

  function whenVisible(callback) {
    if (!document.hidden) {
      callback();
      return;
    }
    document.addEventListener("visibilitychange", function resume() {
      if (!document.hidden) {
        document.removeEventListener("visibilitychange", resume);
        callback();
      }
    });
  }

  function update(status, fresh) {
    var body = status.querySelector("[data-export-body]");
    var freshBody = fresh.querySelector("[data-export-body]");
    if (body && freshBody) {
      body.innerHTML = freshBody.innerHTML;
    }
    var message = status.querySelector("[data-export-message]");
    var freshMessage = fresh.querySelector("[data-export-message]");
    if (
      message &&
      freshMessage &&
      message.textContent.trim() !== freshMessage.textContent.trim()
    ) {
      message.innerHTML = freshMessage.innerHTML;
    }
  }

  function check(status, delay) {
    whenVisible(function () {
      fetch(status.dataset.exportPoll, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var fresh = page.getElementById(status.id);
          if (!fresh) {
            return;
          }
          update(status, fresh);
          if (fresh.dataset.exportPoll) {
            schedule(status, Math.min(delay * 1.5, LONGEST_DELAY));
          } else {
            delete status.dataset.exportPoll;
          }
        })
        .catch(function () {
          schedule(status, LONGEST_DELAY);
        });
    });
  }

  function start() {
    document.querySelectorAll("[data-export-poll]").forEach(function (status) {
      if (status.dataset.exportFollowed) {
        return;
      }
      status.dataset.exportFollowed = "true";
      schedule(status, FIRST_DELAY);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
