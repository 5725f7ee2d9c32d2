// The home page's "Find your cycle" form: reads the list of cycles the page
// already shows (its data-* attributes), answers with site_src/js/finder.mjs,
// and goes to the person's cycle when the site has it.

import { findCycle } from "./finder.mjs";
import { isRealDate, longDate, timeEl } from "./lib/format.mjs";
import { h, replaceChildren } from "./lib/dom.mjs";

const form = document.getElementById("finder");
const result = document.getElementById("finder-result");
const summary = document.getElementById("finder-errors");

function cyclesOnPage() {
  return [...document.querySelectorAll("li.cycle[data-level]")].map((li) => ({
    level: li.dataset.level, expires: li.dataset.expires, href: li.dataset.href, title: li.dataset.title, item: li,
  }));
}

function levelName(slug) {
  const option = form.elements.namedItem("level").querySelector(`option[value="${CSS.escape(slug)}"]`);
  return option ? option.textContent : slug;
}

function statusText(cycle) {
  const tag = cycle.item.querySelector(".status-tag");
  return tag ? tag.innerText.trim() : "";
}

function cycleLink(cycle) {
  const status = statusText(cycle);
  return h("li", {}, h("a", { href: cycle.href, text: cycle.title }), ` (card expiring `, timeEl(cycle.expires), `)${status ? `: ${status}` : ""}`);
}

function officialLinks() {
  return document.getElementById("finder-other").querySelector("ul")?.cloneNode(true) ?? null;
}

function showErrors(errors) {
  for (const field of ["level", "expires"]) {
    const error = errors.find((e) => e.field === field);
    const box = document.getElementById(`finder-${field}-field`);
    const message = document.getElementById(`finder-${field}-error`);
    const input = form.elements.namedItem(field);
    box.classList.toggle("field--error", !!error);
    message.hidden = !error;
    message.textContent = error ? `Error: ${error.message}` : "";
    if (error) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", [message.id, input.id === "finder-expires" ? "finder-expires-hint" : ""].join(" ").trim());
    } else {
      input.removeAttribute("aria-invalid");
      if (input.id === "finder-expires") input.setAttribute("aria-describedby", "finder-expires-hint");
      else input.removeAttribute("aria-describedby");
    }
  }
  replaceChildren(document.getElementById("finder-errors-list"),
    errors.map((e) => h("li", {}, h("a", { href: `#finder-${e.field}`, text: e.message }))));
  summary.hidden = !errors.length;
  if (errors.length) summary.focus();
}

function answer(found) {
  if (found.kind === "found") {
    replaceChildren(result, h("p", {}, "Going to ", h("a", { href: found.cycle.href, text: found.cycle.title }), "…"));
    window.location.assign(found.cycle.href);
    return;
  }
  if (found.kind === "other_day") {
    replaceChildren(result,
      h("p", {}, h("strong", { text: "This site may not have your cycle." }), " Your card expires ", timeEl(found.expires),
        `. The ${found.cycle.title} on this site is for cards expiring `, timeEl(found.cycle.expires),
        ". Check with OEMS which rules apply to you before you follow it."),
      h("ul", {}, cycleLink(found.cycle)),
      officialLinks());
    return;
  }
  if (found.kind === "missing") {
    replaceChildren(result,
      h("p", {}, h("strong", { text: found.expires
        ? `This site does not have the ${levelName(found.level)} cycle for cards expiring ${longDate(found.expires)} yet.`
        : `This site does not have any ${levelName(found.level)} cycle yet.` }),
        " Do not follow another year’s rules from this site. Check with OEMS for the current requirements:"),
      officialLinks());
    return;
  }
  // unknown
  replaceChildren(result,
    h("p", { text: `Your expiration date is printed on your certification card. These are the ${levelName(found.cycles[0].level)} cycles on this site, each for one expiration date:` }),
    h("ul", {}, found.cycles.map(cycleLink)),
    h("p", { text: "If your card’s date is not listed, this site does not have your cycle yet. Check with OEMS for the current requirements:" }),
    officialLinks());
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const values = {
    level: form.elements.namedItem("level").value,
    expires: form.elements.namedItem("expires").value,
    unknown: form.elements.namedItem("unknown").checked,
  };
  const found = findCycle(cyclesOnPage(), values, isRealDate);
  showErrors(found.kind === "errors" ? found.errors : []);
  if (found.kind === "errors") replaceChildren(result);
  else answer(found);
});

form.elements.namedItem("unknown").addEventListener("change", (event) => {
  form.elements.namedItem("expires").disabled = event.target.checked;
});

form.hidden = false;
