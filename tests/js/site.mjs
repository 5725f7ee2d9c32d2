// The browser modules under test, as the build ships them: site_src/js plus
// the modules the build writes (assets/js/vocabulary.mjs). `make test` builds
// build/ first; `make test-js` makes a quick build of its own and points
// SITE_JS at it.

import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const base = process.env.SITE_JS
  ? pathToFileURL(`${resolve(process.env.SITE_JS)}/`)
  : new URL("../../build/assets/js/", import.meta.url);

// load("calc/csv.mjs") -> the module's exports
export function load(path) {
  return import(new URL(path, base).href);
}
