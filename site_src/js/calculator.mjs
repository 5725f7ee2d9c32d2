// The hour calculator page: wires the form, the saved data, the engine
// worker and the results together. The form works at once; the engine loads
// in a worker meanwhile and results follow every change once it is ready.
//
// Page contract (site_src/templates/calculator.html):
//   #calculator[data-cycle, data-cycle-title, data-worker-url, data-rules-url,
//               data-storage-key, data-load-timeout (seconds),
//               data-needs-last-recertified, data-issuers ("OEMS|CAPCE"),
//               data-distributive-codes, data-other-codes ("T3 F3")]
//   <html data-engine="loading|ready|failed|unavailable">
//   window.recert.evaluate(input, {today}?) -> Promise of the engine's output
//   (or {errors: [...]}), exactly as `python -m generator calc` prints it.

import { DataPanel } from "./calc/data-panel.mjs";
import { EngineClient } from "./calc/engine-client.mjs";
import { download } from "./calc/engine-early.mjs";
import { ErrorView } from "./calc/errors-view.mjs";
import { plural, todayIso } from "./lib/format.mjs";
import { blankCourse, blankState, dateOrder, isBlank, toEngineInput } from "./calc/model.mjs";
import { readPasted } from "./calc/paste.mjs";
import { renderPastePreview } from "./calc/paste-view.mjs";
import { renderPrintSummary } from "./calc/print-view.mjs";
import { courseOutcome, headline, renderMessage, renderResults } from "./calc/results-view.mjs";
import { CourseList } from "./calc/rows.mjs";
import { Store } from "./calc/store.mjs";
import { renderSummary, renderSummaryMessage } from "./calc/summary-view.mjs";
import { checkCourse, checkProfile } from "./calc/validate.mjs";
import { DEFAULT_LIMITS, parseDate } from "./calc/values.mjs";

const SAVE_DELAY_MS = 300;

const $ = (id) => document.getElementById(id);
const root = $("calculator");
const config = {
  cycle: root.dataset.cycle,
  workerUrl: new URL(root.dataset.workerUrl, document.baseURI).href,
  rulesUrl: new URL(root.dataset.rulesUrl, document.baseURI).href,
  storageKey: root.dataset.storageKey,
  timeoutMs: Number(root.dataset.loadTimeout || 90) * 1000,
  needsLastRecertified: root.dataset.needsLastRecertified === "true",
  title: root.dataset.cycleTitle,
  limits: DEFAULT_LIMITS,
  issuers: (root.dataset.issuers || "").split("|").filter(Boolean),
  codes: {
    distributive: (root.dataset.distributiveCodes || "").split(" ").filter(Boolean),
    other: (root.dataset.otherCodes || "").split(" ").filter(Boolean),
    distributiveSource: root.dataset.distributiveCodesSource || null,
    otherSource: root.dataset.otherCodesSource || null,
  },
};
const components = [...document.querySelectorAll("#ce-requirements tbody tr[data-component]")].map((tr) => ({
  id: tr.dataset.component,
  name: tr.dataset.name,
  hours: Number(tr.dataset.hours),
  deLimit: tr.dataset.deLimit === undefined ? null : Number(tr.dataset.deLimit),
  nationalOnly: tr.dataset.nationalOnly === "true",
  deliveries: tr.dataset.deliveries ? tr.dataset.deliveries.split(" ") : null,
}));

const form = $("calc-form");
const list = new CourseList({ list: $("course-list"), template: $("course-row-template"), emptyNote: $("courses-empty"), codes: config.codes });
const errors = new ErrorView({ summary: $("error-summary"), list: $("error-summary-list") });
const store = new Store(config.storageKey, { maxCourses: config.limits.maxCourses });
const lastRecertInput = $("profile-last-recertified");
const resultsBody = $("results-body");
const summaryBody = $("summary-body");
const engine = new EngineClient({
  workerUrl: config.workerUrl,
  rulesUrl: config.rulesUrl,
  timeoutMs: config.timeoutMs,
  onStatus: showEngineStatus,
  onProgress: (loaded, total) => download.update(loaded, total),
});

// ---- profile -----------------------------------------------------------------

function readProfile() {
  const nremt = form.querySelector('input[name="nremt"]:checked');
  return { nremt: nremt ? nremt.value : "", last_recertified: lastRecertInput ? lastRecertInput.value : "" };
}

function fillProfile(profile) {
  for (const radio of form.querySelectorAll('input[name="nremt"]')) radio.checked = radio.value === profile.nremt;
  if (lastRecertInput) lastRecertInput.value = profile.last_recertified || "";
}

const lastRecertUnreadable = () => Boolean(lastRecertInput && lastRecertInput.validity.badInput);
const engineInput = (courses) => toEngineInput(config.cycle, readProfile(), courses, config.needsLastRecertified);

// ---- saving ------------------------------------------------------------------

let saveTimer = null;

function saveNow() {
  clearTimeout(saveTimer);
  saveTimer = null;
  const saved = store.save({ profile: readProfile(), courses: list.read() });
  $("storage-problem").hidden = saved;
}

function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
}

function flushSave() {
  if (saveTimer !== null) saveNow();
}

// ---- results -------------------------------------------------------------------

// Results follow every keystroke: an evaluation starts at once unless one is
// running, and then the newest state is evaluated as soon as it ends.
let running = false;
let dirty = false;
let evaluation = 0; // only the newest live evaluation may draw results
let submitting = false; // "Check my courses" wins over live updates
let updateAfterSubmit = false;
let announced = "";
let announceTimer = null;
let lastResults = null; // {output, rows} for the printed summary

// Screen readers hear the headline once typing pauses, not on every keystroke.
function announce(text) {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    if (text === announced) return;
    announced = text;
    $("results-announce").textContent = text;
  }, 600);
}

function scheduleUpdate() {
  if (running) {
    dirty = true;
    return;
  }
  running = true;
  queueMicrotask(async () => {
    try {
      do {
        dirty = false;
        await liveUpdate();
      } while (dirty);
    } finally {
      running = false;
    }
  });
}

function showResults(output, included, excluded, courses) {
  renderResults(resultsBody, output, {
    components,
    rowNumbers: included.map((i) => i + 1),
    excluded: excluded.map((e) => ({ number: e.index + 1, id: list.fieldId(e.index, e.field), reason: e.reason })),
    issuers: config.issuers,
  });
  renderSummary(summaryBody, output, components);
  lastResults = { output, rows: included.map((i) => courses[i]) };
  const outcomes = new Map();
  output.courses.forEach((course, k) => outcomes.set(included[k], courseOutcome(course, components)));
  for (const e of excluded) outcomes.set(e.index, { text: `Not in the results yet: ${e.reason}.`, kind: "counts-none" });
  list.setOutcomes(outcomes);
  announce(headline(output));
}

function resultsMessage(...paragraphs) {
  renderMessage(resultsBody, ...paragraphs);
  renderSummaryMessage(summaryBody, paragraphs.join(" "));
  list.setOutcomes();
  lastResults = null;
}

// While typing, half-finished courses are left out (and listed) rather than
// stopping the results; the error summary waits for "Check my courses".
async function liveUpdate() {
  if (engine.state !== "ready") return;
  if (submitting) {
    updateAfterSubmit = true;
    return;
  }
  const courses = list.read();
  const profileProblems = checkProfile(readProfile(), config.needsLastRecertified, lastRecertUnreadable());
  if (profileProblems.length) {
    resultsMessage(`To see results: ${profileProblems[0].message.toLowerCase()}.`);
    announce("");
    return;
  }
  let included = [];
  const excluded = [];
  courses.forEach((course, i) => {
    if (isBlank(course)) return;
    const problems = checkCourse(course, i + 1, config.limits);
    if (problems.length) excluded.push({ index: i, field: problems[0].field, reason: problems.map((p) => p.message).join("; ") });
    else included.push(i);
  });
  const mine = ++evaluation;
  const today = todayIso();
  try {
    let output = await engine.evaluate(engineInput(included.map((i) => courses[i])), today);
    if (mine !== evaluation) return;
    if (output.errors) {
      const general = output.errors.filter((e) => e.course === null || e.course === undefined);
      if (general.length) {
        resultsMessage("The calculator cannot show results yet:", ...general.map((e) => e.message));
        return;
      }
      // Leave out the courses the engine found a problem with, and try once more.
      const bad = new Set(output.errors.map((e) => e.course));
      for (const k of bad) {
        const field = output.errors.find((e) => e.course === k).field;
        excluded.push({ index: included[k], field, reason: `course ${included[k] + 1} has a problem; select “Check my courses” to see it` });
      }
      included = included.filter((_, k) => !bad.has(k));
      output = await engine.evaluate(engineInput(included.map((i) => courses[i])), today);
      if (mine !== evaluation) return;
      if (output.errors) {
        resultsMessage("The calculator cannot show results yet:", ...output.errors.map((e) => e.message));
        return;
      }
    }
    excluded.sort((a, b) => a.index - b.index);
    showResults(output, included, excluded, courses);
  } catch (error) {
    if (mine === evaluation) resultsMessage(`The calculator stopped with an error: ${error.message}`);
  }
}

function engineErrorTarget(error) {
  if (error.course !== null && error.course !== undefined) return list.fieldId(error.course, error.field);
  if (error.field === "profile.last_recertified" && lastRecertInput) return lastRecertInput.id;
  if (error.field === "profile.nremt") return "profile-nremt-yes";
  return null;
}

function focusResults() {
  const heading = $("results-heading");
  heading.scrollIntoView({ block: "start" });
  heading.focus({ preventScroll: true });
}

async function onSubmit(event) {
  event.preventDefault();
  const courses = list.read();
  const found = [];
  for (const p of checkProfile(readProfile(), config.needsLastRecertified, lastRecertUnreadable())) {
    found.push({ id: lastRecertInput.id, message: p.message });
  }
  courses.forEach((course, i) => {
    for (const p of checkCourse(course, i + 1, config.limits)) found.push({ id: list.fieldId(i, p.field), message: p.message });
  });
  saveNow();
  if (found.length) {
    errors.show(found);
    return;
  }
  if (engine.state !== "ready") {
    errors.clear();
    resultsMessage(engine.state === "loading"
      ? "Your courses are complete. Results will appear here as soon as the calculator has loaded."
      : `Results cannot be shown: ${engine.message}`);
    focusResults();
    return;
  }
  evaluation++; // any live evaluation still running is now out of date
  submitting = true;
  let output;
  try {
    output = await engine.evaluate(engineInput(courses), todayIso());
  } catch (error) {
    resultsMessage(`The calculator stopped with an error: ${error.message}`);
    focusResults();
    return;
  } finally {
    submitting = false;
    if (updateAfterSubmit) {
      updateAfterSubmit = false;
      scheduleUpdate();
    }
  }
  if (output.errors) {
    errors.show(output.errors.map((e) => ({ id: engineErrorTarget(e), message: e.message })));
    return;
  }
  errors.clear();
  showResults(output, courses.map((_, i) => i), [], courses);
  focusResults();
}

// ---- engine status ---------------------------------------------------------------

function showEngineStatus(state, message) {
  document.documentElement.dataset.engine = state;
  const box = $("engine-status");
  $("engine-status-text").textContent = message;
  box.classList.toggle("is-ready", state === "ready");
  box.classList.toggle("is-failed", state === "failed" || state === "unavailable");
  $("engine-retry").hidden = state !== "failed";
  if (state !== "loading") download.hide();
  if (state === "ready") {
    scheduleUpdate();
  } else if (state === "loading") {
    resultsMessage("Results appear here as soon as the calculator has loaded. You can enter your courses now.");
  } else if (state === "failed" || state === "unavailable") {
    resultsMessage(`Results cannot be shown: ${message}`,
      "Your courses are still saved in this browser, and the requirements table below shows what you need.");
  }
}

// ---- your data: export, import, delete ---------------------------------------------

function replaceAll({ profile, courses }) {
  if (profile) fillProfile(profile); // a CSV file holds courses only
  list.render(courses);
  errors.clear();
  saveNow();
  scheduleUpdate();
}

function deleteAll() {
  clearTimeout(saveTimer);
  saveTimer = null;
  store.clear(); // not saved again until the person types something
  fillProfile(blankState().profile);
  list.render([]);
  errors.clear();
  $("add-course").focus();
  scheduleUpdate();
}

const filledIn = () => list.read().filter((c) => !isBlank(c));

// ---- rows ----------------------------------------------------------------------------

function courseChange(text) {
  $("course-change-note").textContent = text;
}

function onEdited(event) {
  if (event && event.target.closest && event.target.closest("#paste-panel")) return; // not a course yet
  if (event && event.target.dataset && event.target.dataset.field === "approval") list.showCode(event.target.closest("li"));
  scheduleSave();
  scheduleUpdate();
}

// A date typed as 3/1/2017 or March 1, 2017 reads back as 2017-03-01 once the field is left.
function onChange(event) {
  const input = event.target;
  if (input.dataset && input.dataset.field === "date") {
    const iso = parseDate(input.value);
    if (iso && iso !== input.value) input.value = iso;
  }
  onEdited(event);
}

function onAddCourse() {
  const row = list.add(blankCourse());
  row.querySelector("[data-field]").focus();
  courseChange(`Course ${list.length} added.`);
  onEdited();
}

function onListClick(event) {
  const button = event.target.closest("[data-action]");
  if (!button) return;
  const row = button.closest("li");
  const number = list.rows().indexOf(row) + 1;
  if (button.dataset.action === "duplicate") {
    const copy = list.duplicate(row);
    copy.querySelector("[data-field]").focus();
    courseChange(`Course ${number} duplicated as course ${number + 1}.`);
  } else {
    const next = list.remove(row);
    (next || $("add-course")).focus();
    courseChange(`Course ${number} removed.`);
    if (errors.showing) errors.dropMissing();
  }
  onEdited();
}

function onSort() {
  list.reorder(dateOrder(list.read()));
  if (errors.showing) errors.show(errors.current, { focus: false }); // links follow the fields
  courseChange(`Courses sorted by date, earliest first.`);
  onEdited();
}

// ---- paste a transcript -----------------------------------------------------------------

let pasted = [];

function openPaste(open) {
  $("paste-panel").hidden = !open;
  $("paste-open").setAttribute("aria-expanded", String(open));
  if (open) $("paste-text").focus();
  else $("paste-open").focus();
}

function onPasteRead() {
  const preview = $("paste-preview");
  const result = readPasted($("paste-text").value, { components, limits: config.limits, already: filledIn().length });
  pasted = renderPastePreview(preview, result, { components });
  preview.focus();
}

function onPasteAdd() {
  if (!pasted.length) return;
  const blanks = list.rows().filter((row, i) => isBlank(list.read()[i]));
  for (const row of blanks) list.remove(row); // the empty row a first visit starts with
  const rows = list.addAll(pasted);
  const count = pasted.length;
  pasted = [];
  $("paste-text").value = "";
  $("paste-preview").replaceChildren();
  $("paste-panel").hidden = true;
  $("paste-open").setAttribute("aria-expanded", "false");
  rows[0].querySelector("[data-field]").focus();
  courseChange(`${plural(count, "course", "courses")} added from the pasted rows.`);
  onEdited();
}

// ---- printed summary -----------------------------------------------------------------------

function preparePrint() {
  renderPrintSummary($("print-summary"), lastResults?.output ?? null, lastResults?.rows ?? [], {
    title: config.title, today: todayIso(), components, issuers: config.issuers,
  });
}

// ---- start ------------------------------------------------------------------------------

function start() {
  $("calc-fallback").hidden = true;
  root.hidden = false;
  const data = new DataPanel({
    cycle: config.cycle,
    components,
    limits: config.limits,
    exportInput: () => engineInput(filledIn()),
    courseCount: () => filledIn().length,
    replace: replaceAll,
    deleteAll,
  }, $);

  const { state, problem } = store.load();
  const initial = state || { ...blankState(), courses: [blankCourse()] }; // first visit: one empty row to fill
  // The page arrives with that empty row already in place, so nothing below it moves.
  fillProfile(initial.profile);
  list.render(initial.courses);
  if (!store.working) $("storage-problem").hidden = false;
  if (problem) data.say(problem);

  form.addEventListener("input", onEdited);
  form.addEventListener("change", onChange);
  form.addEventListener("submit", onSubmit);
  $("add-course").addEventListener("click", onAddCourse);
  $("course-list").addEventListener("click", onListClick);
  $("sort-courses").addEventListener("click", onSort);
  $("paste-open").addEventListener("click", () => openPaste($("paste-panel").hidden));
  $("paste-close").addEventListener("click", () => openPaste(false));
  $("paste-read").addEventListener("click", onPasteRead);
  $("paste-preview").addEventListener("click", (event) => event.target.id === "paste-add" && onPasteAdd());
  $("print-summary-button").addEventListener("click", () => {
    preparePrint();
    window.print();
  });
  window.addEventListener("beforeprint", preparePrint);
  $("engine-retry").addEventListener("click", () => engine.start());
  window.addEventListener("pagehide", flushSave);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flushSave());

  window.recert = Object.freeze({
    cycle: config.cycle,
    // Always an answer: the engine's output or {errors: [...]}, never a rejection.
    evaluate: async (input, options = {}) => {
      try {
        await engine.whenReady();
        return await engine.evaluate(input, options.today || todayIso());
      } catch (error) {
        return { errors: [{ course: null, field: null, message: `The calculator could not evaluate this: ${error.message}` }] };
      }
    },
  });
  engine.start();
}

start();
