// Hub Academy: every table in the admin's main area scrolls in a box of its
// own.
//
// Wagtail's main area hides what is wider than the screen (overflow-x:
// hidden), so on a 320 px screen a wide table's right-hand columns could not
// be reached at all (WCAG 1.4.10; wagtail/wagtail#9178, #11675). Each table
// goes into a box that scrolls sideways, which 1.4.10 allows for data
// tables. While the table is wider than its box, the box takes keyboard
// focus, so that the arrow keys scroll it, and is a region named after the
// table (WCAG 2.1.1); a table that fits adds no stop to the tab order.
(() => {
  const TABLES = ".content-wrapper table.listing, .content-wrapper table.hub-table";
  // Boxes the templates already give their tables.
  const BOXED = ".hub-table-scroll, .hub-scroll, .report-scroll";

  const name = (table) =>
    table.getAttribute("aria-label") ||
    (table.caption && table.caption.textContent.trim()) ||
    (document.querySelector("h1") || document).textContent.trim();

  const update = (box) => {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name(box.querySelector("table")));
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  };

  const resized = new ResizeObserver((entries) => {
    for (const entry of entries) {
      update(entry.target.closest(".hub-table-scroll"));
    }
  });

  const box = (root) => {
    for (const table of root.querySelectorAll(TABLES)) {
      if (table.parentElement.closest(BOXED)) continue;
      const wrapper = document.createElement("div");
      wrapper.className = "hub-table-scroll";
      table.before(wrapper);
      wrapper.append(table);
      resized.observe(wrapper);
      resized.observe(table);
    }
  };

  const start = () => {
    box(document);
    // Filtering and paging swap in new results, tables and all.
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) box(node.parentElement || node);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
