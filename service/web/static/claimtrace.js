// claimtrace pages: small enhancements only; every page works without this script.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // Article view: bring the chosen statement into view and give it focus, so keyboard and
  // screen-reader users start where the highlighted statement is.
  var chosen = document.getElementById("chosen");
  if (chosen) {
    chosen.scrollIntoView({ block: "center" });
    chosen.focus({ preventScroll: true });
  }

  // Search page: after a search, start at the results heading instead of the top of the form.
  var heading = document.getElementById("results-heading");
  if (heading && !chosen) {
    heading.focus({ preventScroll: false });
  }

  // Empty filters stay out of the URL, so a shared link reads as the search it is.
  document.querySelectorAll("form.search-form").forEach(function (form) {
    form.addEventListener("submit", function () {
      var dated = false;
      form.querySelectorAll("input").forEach(function (input) {
        if (/^date_/.test(input.name) && input.value.trim()) { dated = true; }
        if (!input.value.trim()) { input.disabled = true; }
      });
      var kind = form.querySelector("select[name=dates]");
      if (kind && (!dated || kind.value === "said")) { kind.disabled = true; }
      // Re-enable on the next tick: a page restored from the back/forward cache stays editable.
      window.setTimeout(function () {
        form.querySelectorAll("[disabled]").forEach(function (field) { field.disabled = false; });
      }, 0);
    });
  });

  // "Copy link": the URL already holds the claim and filters; copying it shares these results.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById("share-status");
    if (!field) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      field.select();
      var done = function () { if (status) { status.textContent = "Link copied."; } };
      var fallback = function () {
        var copied = document.execCommand && document.execCommand("copy");
        if (status) {
          status.textContent = copied ? "Link copied." : "Press Ctrl+C (or Cmd+C) to copy the selected link.";
        }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, fallback);
      } else {
        fallback();
      }
    });
  });
});
