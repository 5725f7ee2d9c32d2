// Compare page enhancement: pick two cycles, hide the other columns and mark
// the rows whose values differ. Without JavaScript every cycle stays visible.
"use strict";

(function () {
  const form = document.getElementById("compare-controls");
  const table = document.querySelector("table.compare-table");
  if (!form || !table) return;
  const pickA = form.elements.namedItem("a");
  const pickB = form.elements.namedItem("b");
  const onlyDiff = form.elements.namedItem("only");
  const summary = document.getElementById("compare-summary");
  if (pickA.options.length < 2) return;

  function label(select) {
    return select.options[select.selectedIndex].text;
  }

  function update() {
    const chosen = new Set([pickA.value, pickB.value]);
    table.querySelectorAll("[data-cycle]").forEach(function (cell) {
      cell.hidden = !chosen.has(cell.dataset.cycle);
    });
    // Section headings span the visible columns only, or the table keeps empty ones.
    table.querySelectorAll("tr.section-row > th").forEach(function (cell) {
      cell.colSpan = chosen.size + 1;
    });
    let differing = 0;
    let total = 0;
    table.querySelectorAll("tbody").forEach(function (group) {
      if (!group.querySelector("tr[data-key]")) return; // the status row is always shown
      let shown = 0;
      group.querySelectorAll("tr[data-key]").forEach(function (row) {
        const a = row.querySelector('[data-cycle="' + CSS.escape(pickA.value) + '"]');
        const b = row.querySelector('[data-cycle="' + CSS.escape(pickB.value) + '"]');
        const differs = a.dataset.cmp !== b.dataset.cmp;
        const bothEmpty = a.dataset.cmp === "" && b.dataset.cmp === "";
        row.classList.toggle("differs", differs);
        row.querySelector(".diff-tag").hidden = !differs;
        row.hidden = bothEmpty || (onlyDiff.checked && !differs);
        if (!bothEmpty) total += 1;
        if (differs) differing += 1;
        if (!row.hidden) shown += 1;
      });
      group.hidden = shown === 0;
    });
    if (pickA.value === pickB.value) {
      summary.textContent = "Pick two different cycles to see what differs.";
    } else {
      summary.textContent = differing + " of " + total + " rows differ between " + label(pickA) + " and " + label(pickB) + ".";
    }
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  update();
})();
