// The calculator page's scripts after its first one, in the order they run:
// the cycle's status (every page has it), the calculator, the offline copy
// (every page has it). One entry, so that a build with the calculator's
// runtime makes them one file (generator/render/script_bundle.py): each file
// a page loads costs the phone work while the engine starts on the same
// processor. Other pages load the two shared scripts on their own.
import "./status-page.mjs";
import "./calculator.mjs";
import "./offline.js";
