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

  // Search page: after a search, start at the results heading instead of the top of the form;
  // after a refused one, at the summary of what to correct.
  var heading = document.getElementById("error-summary") || document.getElementById("results-heading");
  if (heading && !chosen) {
    heading.focus({ preventScroll: false });
  }

  // A link in the error summary puts the cursor in the field to correct, not just scrolls to it.
  document.querySelectorAll("#error-summary a[href^='#']").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (field) {
        event.preventDefault();
        field.focus();
      }
    });
  });

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
