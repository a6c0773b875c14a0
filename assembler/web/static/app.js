// partnerdraft: the one script. The pages work without it; it only moves focus to the error
// summary when a page has one, as the GOV.UK pattern asks, so a screen reader announces it first.
(function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
