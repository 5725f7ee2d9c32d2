// How far the calculator's download has come: a <progress> bar with the figure
// beside it, and a polite announcement at each quarter (not at every update,
// which a screen reader would read out without end).
//
// Page contract (site_src/templates/calculator.html, the #engine-progress slot):
//   #engine-progress[hidden] > progress#engine-progress-bar,
//   #engine-progress-figure (shown), #engine-progress-announce (aria-live polite)

const MB = 1_000_000;

// 0..100, whole percent, never 100 before the last byte.
export function percent(loaded, total) {
  if (!(total > 0) || !(loaded > 0)) return 0;
  if (loaded >= total) return 100;
  return Math.min(99, Math.floor((loaded / total) * 100));
}

// Where the bar stands, 0..100 with no rounding: the first bytes already move
// it (a whole percent of the runtime is over 100 kB, seconds on a slow line).
export function barValue(loaded, total) {
  if (!(total > 0) || !(loaded > 0)) return 0;
  return (Math.min(loaded, total) * 100) / total;
}

export function progressFigure(loaded, total) {
  const mb = (bytes) => (bytes / MB).toFixed(1);
  return `${percent(loaded, total)}% (${mb(Math.min(loaded, total))} of ${mb(total)} MB)`;
}

// What to announce at this point, or null when nothing new is worth saying.
export function milestone(loaded, total, lastAnnounced) {
  const quarter = Math.floor(percent(loaded, total) / 25) * 25;
  if (quarter === 0 || quarter <= lastAnnounced) return null;
  return quarter;
}

export class DownloadProgress {
  constructor(box) {
    this.box = box;
    this.bar = box && box.querySelector("progress");
    this.figure = box && box.querySelector("[data-slot=figure]");
    this.announcer = box && box.querySelector("[data-slot=announce]");
    this.announced = 0;
  }

  update(loaded, total) {
    if (!this.box) return;
    this.box.hidden = false;
    this.bar.max = 100;
    this.bar.value = barValue(loaded, total);
    this.figure.textContent = progressFigure(loaded, total);
    const quarter = milestone(loaded, total, this.announced);
    if (quarter !== null) {
      this.announced = quarter;
      this.announcer.textContent = `Downloaded ${quarter}% of the calculator.`;
    }
  }

  hide() {
    if (!this.box) return;
    this.box.hidden = true;
    this.announced = 0;
  }
}
