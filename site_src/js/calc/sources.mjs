// Where a rule comes from. The calculator page lists the cycle's sources
// (templates/macros.html `sources_list`: #source-<id> with data-title and
// data-url, its address, or for a flyer that has none data-where, how to get
// a copy); the engine's reasons name them by id.
// On screen a reason links to that list; on paper it names the title, and the
// summary lists the addresses.

import { h } from "../lib/dom.mjs";

// The sources listed on the page for these ids, in order, each once.
export function sourcesOf(ids, doc = document) {
  const seen = new Set();
  const found = [];
  for (const id of ids) {
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const entry = doc.getElementById(`source-${id}`);
    if (entry) found.push({ id, title: entry.dataset.title, url: entry.dataset.url || null,
      where: entry.dataset.url || entry.dataset.where || null });
  }
  return found;
}

// "Source: <title>; <title>." with each title linking to the page's list.
export function sourceNote(...ids) {
  const links = sourcesOf(ids).map((s) => h("a", { href: `#source-${s.id}`, text: s.title }));
  if (!links.length) return null;
  return h("span", { class: "source-note" }, " Source: ", links.flatMap((a, i) => (i ? ["; ", a] : [a])), ".");
}

// The same in plain text, for paper.
export function sourceText(...ids) {
  const titles = sourcesOf(ids).map((s) => s.title);
  return titles.length ? ` Source: ${titles.join("; ")}.` : "";
}

// The titles without links, looking like a source note: under each course
// row's approval code, where a link would add a keyboard stop to every course
// (the approval hint above the rows links to the same sources).
export function sourceLabel(...ids) {
  const text = sourceText(...ids);
  return text ? h("span", { class: "source-note" }, text) : null;
}
