// Which sources a reason names (site_src/js/calc/sources.mjs): those the page
// lists, in order, each once, with the address where the source has one, and
// where to find it (its address, or how to get a copy of a flyer that has none).
import { test } from "node:test";
import assert from "node:assert/strict";

import { sourcesOf } from "../../site_src/js/calc/sources.mjs";

// The page's list of sources, as templates/macros.html `sources_list` writes it.
const page = {
  entries: {
    "source-flyer": { dataset: { title: "OEMS flyer: Paramedic 2018", where: "ask OEMS for a copy" } },
    "source-capce-codes": { dataset: { title: "CE provider page: codes", url: "https://example.org/codes" } },
  },
  getElementById(id) { return this.entries[id] ?? null; },
};

test("a reason's sources are the listed ones, in order, each once, with their addresses", () => {
  assert.deepEqual(sourcesOf(["flyer", "capce-codes", "flyer"], page), [
    { id: "flyer", title: "OEMS flyer: Paramedic 2018", url: null, where: "ask OEMS for a copy" },
    { id: "capce-codes", title: "CE provider page: codes", url: "https://example.org/codes", where: "https://example.org/codes" },
  ]);
});

test("no source, or one the page does not list, names nothing", () => {
  assert.deepEqual(sourcesOf([null, undefined, "", "unknown"], page), []);
});
