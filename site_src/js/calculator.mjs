// The hour calculator page: wires the form, the saved data, the engine
// worker and the results together. The form works at once; the engine loads
// in a worker meanwhile and results follow every change once it is ready.
//
// Page contract (site_src/templates/calculator.html):
//   #calculator[data-cycle, data-worker-url, data-rules-url, data-storage-key,
//               data-load-timeout (seconds), data-needs-last-recertified]
//   <html data-engine="loading|ready|failed|unavailable">
//   window.recert.evaluate(input, {today}?) -> Promise of the engine's output
//   (or {errors: [...]}), exactly as `python -m generator calc` prints it.

import { DataPanel } from "./calc/data-panel.mjs";
import { EngineClient } from "./calc/engine-client.mjs";
import { DownloadProgress } from "./calc/progress-view.mjs";
import { ErrorView } from "./calc/errors-view.mjs";
import { todayIso } from "./lib/format.mjs";
import { blankCourse, blankState, isBlank, toEngineInput } from "./calc/model.mjs";
import { courseOutcome, headline, renderMessage, renderResults } from "./calc/results-view.mjs";
import { CourseList } from "./calc/rows.mjs";
import { Store } from "./calc/store.mjs";
import { checkCourse, checkProfile } from "./calc/validate.mjs";

const UPDATE_DELAY_MS = 300;

const $ = (id) => document.getElementById(id);
const root = $("calculator");
const config = {
  cycle: root.dataset.cycle,
  workerUrl: new URL(root.dataset.workerUrl, document.baseURI).href,
  rulesUrl: new URL(root.dataset.rulesUrl, document.baseURI).href,
  storageKey: root.dataset.storageKey,
  timeoutMs: Number(root.dataset.loadTimeout || 90) * 1000,
  needsLastRecertified: root.dataset.needsLastRecertified === "true",
};
const components = [...document.querySelectorAll("#ce-requirements tbody tr[data-component]")].map((tr) => ({
  id: tr.dataset.component,
  name: tr.dataset.name,
  hours: Number(tr.dataset.hours),
  deLimit: tr.dataset.deLimit === undefined ? null : Number(tr.dataset.deLimit),
  nationalOnly: tr.dataset.nationalOnly === "true",
}));

const form = $("calc-form");
const list = new CourseList({ list: $("course-list"), template: $("course-row-template"), emptyNote: $("courses-empty") });
const errors = new ErrorView({ summary: $("error-summary"), list: $("error-summary-list") });
const store = new Store(config.storageKey);
const lastRecertInput = $("profile-last-recertified");
const resultsBody = $("results-body");
const download = new DownloadProgress($("engine-progress"));
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
  saveTimer = setTimeout(saveNow, UPDATE_DELAY_MS);
}

function flushSave() {
  if (saveTimer !== null) saveNow();
}

// ---- results -------------------------------------------------------------------

let updateTimer = null;
let evaluation = 0; // only the newest live evaluation may draw results
let submitting = false; // "Check my courses" wins over live updates
let announced = "";

function announce(text) {
  if (text === announced) return;
  announced = text;
  $("results-announce").textContent = text;
}

function scheduleUpdate(delay = UPDATE_DELAY_MS) {
  clearTimeout(updateTimer);
  updateTimer = setTimeout(liveUpdate, delay);
}

function showResults(output, included, excluded) {
  renderResults(resultsBody, output, {
    components,
    rowNumbers: included.map((i) => i + 1),
    excluded: excluded.map((e) => ({ id: list.fieldId(e.index, e.field), reason: e.reason })),
  });
  const outcomes = new Map();
  output.courses.forEach((course, k) => outcomes.set(included[k], courseOutcome(course, components)));
  for (const e of excluded) outcomes.set(e.index, { text: `Not in the results yet: ${e.reason}.`, kind: "counts-none" });
  list.setOutcomes(outcomes);
  announce(headline(output));
}

function resultsMessage(...paragraphs) {
  renderMessage(resultsBody, ...paragraphs);
  list.setOutcomes();
}

// While typing, half-finished courses are left out (and listed) rather than
// stopping the results; the error summary waits for "Check my courses".
async function liveUpdate() {
  if (engine.state !== "ready") return;
  if (submitting) {
    scheduleUpdate();
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
    const problems = checkCourse(course, i + 1, list.dateUnreadable(i));
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
    showResults(output, included, excluded);
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
  clearTimeout(updateTimer);
  const courses = list.read();
  const found = [];
  for (const p of checkProfile(readProfile(), config.needsLastRecertified, lastRecertUnreadable())) {
    found.push({ id: lastRecertInput.id, message: p.message });
  }
  courses.forEach((course, i) => {
    for (const p of checkCourse(course, i + 1, list.dateUnreadable(i))) found.push({ id: list.fieldId(i, p.field), message: p.message });
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
  }
  if (output.errors) {
    errors.show(output.errors.map((e) => ({ id: engineErrorTarget(e), message: e.message })));
    return;
  }
  errors.clear();
  showResults(output, courses.map((_, i) => i), []);
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
    scheduleUpdate(0);
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
  scheduleUpdate(0);
}

function deleteAll() {
  clearTimeout(saveTimer);
  saveTimer = null;
  store.clear(); // not saved again until the person types something
  fillProfile(blankState().profile);
  list.render([]);
  errors.clear();
  $("add-course").focus();
  scheduleUpdate(0);
}

const filledIn = () => list.read().filter((c) => !isBlank(c));

// ---- rows ----------------------------------------------------------------------------

function courseChange(text) {
  $("course-change-note").textContent = text;
}

function onEdited() {
  scheduleSave();
  scheduleUpdate();
}

function onAddCourse() {
  const row = list.add(blankCourse());
  row.querySelector("[data-field]").focus();
  courseChange(`Course ${list.length} added.`);
  onEdited();
}

function onListClick(event) {
  const button = event.target.closest('[data-action="remove"]');
  if (!button) return;
  const row = button.closest("li");
  const number = list.rows().indexOf(row) + 1;
  const next = list.remove(row);
  (next || $("add-course")).focus();
  courseChange(`Course ${number} removed.`);
  if (errors.showing) errors.dropMissing();
  onEdited();
}

// ---- start ------------------------------------------------------------------------------

function start() {
  $("calc-fallback").hidden = true;
  root.hidden = false;
  const data = new DataPanel({
    cycle: config.cycle,
    components,
    exportInput: () => engineInput(filledIn()),
    courseCount: () => filledIn().length,
    replace: replaceAll,
    deleteAll,
  }, $);

  const { state, problem } = store.load();
  const initial = state || { ...blankState(), courses: [blankCourse()] }; // first visit: one empty row to fill
  fillProfile(initial.profile);
  list.render(initial.courses);
  if (!store.working) $("storage-problem").hidden = false;
  if (problem) data.say(problem);

  form.addEventListener("input", onEdited);
  form.addEventListener("change", onEdited);
  form.addEventListener("submit", onSubmit);
  $("add-course").addEventListener("click", onAddCourse);
  $("course-list").addEventListener("click", onListClick);
  $("engine-retry").addEventListener("click", () => engine.start());
  window.addEventListener("pagehide", flushSave);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flushSave());

  window.recert = Object.freeze({
    cycle: config.cycle,
    evaluate: async (input, options = {}) => {
      await engine.whenReady();
      return engine.evaluate(input, options.today || todayIso());
    },
  });
  engine.start();
}

start();
