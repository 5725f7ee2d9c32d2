// Compare page enhancement: pick two cycles, hide the other columns and mark
// the rows whose values differ. Without JavaScript every cycle stays visible.

const form = document.getElementById("compare-controls");
const table = document.querySelector("table.compare-table");
const sources = document.getElementById("compare-sources");

function label(select) {
  return select.options[select.selectedIndex].text;
}

function update({ pickA, pickB, onlyDiff, summary }) {
  const chosen = new Set([pickA.value, pickB.value]);
  for (const cell of table.querySelectorAll("[data-cycle]")) cell.hidden = !chosen.has(cell.dataset.cycle);
  // The list of sources (with their addresses, for paper) keeps those the shown columns name.
  for (const item of sources?.querySelectorAll("li[data-cycles]") ?? []) {
    item.hidden = !item.dataset.cycles.split(" ").some((id) => chosen.has(id));
  }
  // Section headings span the visible columns only, or the table keeps empty ones.
  for (const cell of table.querySelectorAll("tr.section-row > th")) cell.colSpan = chosen.size + 1;
  let differing = 0;
  let total = 0;
  for (const group of table.querySelectorAll("tbody")) {
    if (!group.querySelector("tr[data-key]")) continue; // the status row stays
    let shown = 0;
    for (const row of group.querySelectorAll("tr[data-key]")) {
      const a = row.querySelector(`[data-cycle="${CSS.escape(pickA.value)}"]`);
      const b = row.querySelector(`[data-cycle="${CSS.escape(pickB.value)}"]`);
      const differs = a.dataset.cmp !== b.dataset.cmp;
      const bothEmpty = a.dataset.cmp === "" && b.dataset.cmp === "";
      row.classList.toggle("differs", differs);
      row.querySelector(".diff-tag").hidden = !differs;
      row.hidden = bothEmpty || (onlyDiff.checked && !differs);
      if (!bothEmpty) total += 1;
      if (differs) differing += 1;
      if (!row.hidden) shown += 1;
    }
    group.hidden = shown === 0;
  }
  // The pickers do not print: the summary alone says what a printed copy shows.
  summary.textContent = pickA.value === pickB.value
    ? "Pick two different cycles to see what differs."
    : `${differing} of ${total} rows differ between ${label(pickA)} and ${label(pickB)}.`
      + (onlyDiff.checked ? " Only the rows that differ are shown." : "");
}

function start() {
  const controls = {
    pickA: form.elements.namedItem("a"),
    pickB: form.elements.namedItem("b"),
    onlyDiff: form.elements.namedItem("only"),
    summary: document.getElementById("compare-summary"),
  };
  if (controls.pickA.options.length < 2) {
    form.hidden = true; // nothing to pick between
    return;
  }
  form.addEventListener("change", () => update(controls));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  update(controls);
  // The page came as update() leaves it for the first pair, with what it hides
  // marked so that only a browser without scripts shows it; from now on the
  // script alone decides.
  for (const el of document.querySelectorAll(".outside-pair")) el.classList.remove("outside-pair");
}

if (form && table) start();
