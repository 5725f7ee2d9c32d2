// "Keep, move or delete your courses": export to a file, import from one,
// delete everything. Anything that would replace or delete courses asks first;
// a file with any problem changes nothing and says what is wrong, line by line.

import { confirmAction } from "./confirm.mjs";
import { h, replaceChildren } from "../lib/dom.mjs";
import { plural } from "../lib/format.mjs";
import { decodeFile, exportCsv, exportJson, importFile } from "./transfer.mjs";

const MAX_IMPORT_BYTES = 1_000_000;
const MAX_PROBLEMS_SHOWN = 50;

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// page: {cycle, components, limits, exportInput() -> engine input of the filled-in
// courses, courseCount(), replace({profile, courses}), deleteAll()}
export class DataPanel {
  constructor(page, $) {
    this.page = page;
    this.status = $("data-status");
    this.report = $("import-report");
    this.fileInput = $("import-file");
    this.dialog = { dialog: $("confirm-dialog"), text: $("confirm-text"), yes: $("confirm-yes"), no: $("confirm-no") };
    $("export-json").addEventListener("click", () => this.exportAs("json"));
    $("export-csv").addEventListener("click", () => this.exportAs("csv"));
    this.fileInput.addEventListener("change", () => this.importChosenFile());
    $("clear-all").addEventListener("click", () => this.deleteAll());
  }

  say(text) {
    this.status.textContent = text;
  }

  exportAs(kind) {
    const input = this.page.exportInput();
    const name = `recert-${this.page.cycle.replace(/\//g, "-")}-courses.${kind}`;
    if (kind === "json") download(name, exportJson(input), "application/json");
    else download(name, exportCsv(input.courses), "text/csv");
    this.say(`Saved ${plural(input.courses.length, "course", "courses")} to the file ${name} (look in your downloads).`);
  }

  showProblems(name, problems) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
    const more = problems.length - shown.length;
    replaceChildren(this.report,
      h("h3", { text: `There is a problem with ${name}` }),
      h("p", { text: "Nothing was imported: your courses here are unchanged. Correct the file and import it again." }),
      h("ul", {}, shown.map((p) => h("li", { text: p }))),
      more > 0 ? h("p", { text: `…and ${plural(more, "more problem", "more problems")}.` }) : null,
    );
    this.report.hidden = false;
    this.report.focus();
  }

  async importChosenFile() {
    const file = this.fileInput.files[0];
    if (!file) return;
    this.fileInput.value = ""; // so choosing the same file again, once corrected, imports it
    this.report.hidden = true;
    this.say("");
    if (file.size > MAX_IMPORT_BYTES) {
      this.showProblems(file.name, ["The file is larger than 1 MB, far more than a list of courses needs. Choose the file the calculator exported."]);
      return;
    }
    let result;
    try {
      const decoded = decodeFile(await file.arrayBuffer());
      result = decoded.error ? { errors: [decoded.error] }
        : importFile(file.name, decoded.text, { cycle: this.page.cycle, components: this.page.components, limits: this.page.limits });
    } catch (error) {
      result = { errors: [`The file could not be read: ${error.message}`] };
    }
    if (result.errors.length) {
      this.showProblems(file.name, result.errors);
      return;
    }
    const current = this.page.courseCount();
    if (current > 0) {
      const replace = await confirmAction(this.dialog, {
        message: `Replace your ${plural(current, "course", "courses")} here with the ${plural(result.courses.length, "course", "courses")} in ${file.name}?`,
        confirmLabel: "Yes, replace them",
      });
      if (!replace) {
        this.say("Nothing was imported.");
        return;
      }
    }
    this.page.replace(result);
    this.say(`Imported ${plural(result.courses.length, "course", "courses")} from ${file.name}.`);
  }

  async deleteAll() {
    const sure = await confirmAction(this.dialog, {
      message: "This deletes all your courses and answers for this cycle from this browser. It cannot be undone; export them first if you may need them.",
      confirmLabel: "Yes, delete everything",
    });
    if (!sure) return;
    this.report.hidden = true;
    this.page.deleteAll();
    this.say("All your courses and answers for this cycle were deleted from this browser.");
  }
}
