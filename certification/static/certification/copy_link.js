// A "Copy link" button beside a share link's field: shown only where the
// clipboard can be written; the field itself can always be selected.
document.addEventListener("DOMContentLoaded", () => {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(field.value);
      button.textContent = button.dataset.copied;
      button.setAttribute("aria-live", "polite");
      setTimeout(() => { button.textContent = label; }, 3000);
    });
  }
});
