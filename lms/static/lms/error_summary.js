// Focus the error summary just before this script once the page is read:
// the form's action ends in the summary's anchor, which a browser focuses
// itself, but not every browser does.
(function (summary) {
  document.addEventListener("DOMContentLoaded", function () {
    summary.focus();
  });
})(document.currentScript.previousElementSibling);
