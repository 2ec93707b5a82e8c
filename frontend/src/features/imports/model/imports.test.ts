import {
  applyTemplate,
  buildImportForm,
  buildSuggestForm,
  canResumeImport,
  canUndoImport,
  cleanMapping,
  duplicateTargets,
  fitMatchOn,
  importProgress,
  initialMapping,
  isImportActive,
  matchOnChoices,
  missingRequired,
  previewCell,
  splitMappingErrors,
  SUGGEST_BYTES,
  type ImportOptions,
} from "./imports";

const options: ImportOptions = { entity: "partners", encoding: "", delimiter: "", onDuplicate: "skip", matchOn: "tax_id" };
const csv = (text: string) => new File([text], "partners.csv", { type: "text/csv" });
const keys = (f: FormData) => [...f.keys()];

describe("the import form", () => {
  it("puts the options first and the file last, leaving out undetected settings", () => {
    const form = buildImportForm(options, { Naziv: "name", Bilješka: "" }, true, csv("Naziv\nA\n"));
    expect(keys(form)).toEqual(["entity", "mapping", "dry_run", "on_duplicate", "match_on", "file"]);
    expect(form.get("mapping")).toBe(JSON.stringify({ Naziv: "name" }));
    expect(form.get("dry_run")).toBe("true");
    expect((form.get("file") as File).name).toBe("partners.csv");
  });

  it("sends the chosen encoding and delimiter, and dry_run false for a real run", () => {
    const form = buildImportForm({ ...options, encoding: "windows-1250", delimiter: ";" }, null, false, csv("a"));
    expect(keys(form)).toEqual(["entity", "dry_run", "on_duplicate", "match_on", "encoding", "delimiter", "file"]);
    expect(form.get("dry_run")).toBe("false");
    expect(form.get("encoding")).toBe("windows-1250");
  });

  it("never matches persons or leads on a tax id", () => {
    const form = buildImportForm({ ...options, entity: "persons" }, {}, false, csv("a"));
    expect(form.get("match_on")).toBe("email");
    expect(matchOnChoices("leads")).not.toContain("tax_id");
    expect(fitMatchOn("partners", "name_city")).toBe("name_city");
  });

  it("sends only the file's beginning for a suggestion", async () => {
    const big = csv("x".repeat(SUGGEST_BYTES + 100));
    const form = buildSuggestForm({ ...options, delimiter: "tab" }, big);
    expect(keys(form)).toEqual(["entity", "delimiter", "file"]);
    expect((form.get("file") as File).size).toBe(SUGGEST_BYTES);
  });
});

describe("the mapping", () => {
  it("starts from the suggestion, every other column not imported", () => {
    expect(initialMapping(["Naziv", "OIB", "X"], { Naziv: "name", OIB: "tax_id" })).toEqual({ Naziv: "name", OIB: "tax_id", X: "" });
  });

  it("applies a template to the file's headers, ignoring unknown fields", () => {
    const m = applyTemplate(["Naziv", "Grad", "Y"], { Naziv: "name", Grad: "gone_field", Z: "city" }, ["name", "city"]);
    expect(m).toEqual({ Naziv: "name", Grad: "", Y: "" });
  });

  it("drops unmapped columns when sent", () => {
    expect(cleanMapping({ a: "name", b: "" })).toEqual({ a: "name" });
  });

  it("finds doubled targets (except multi-value fields) and missing required fields", () => {
    const m = { a: "name", b: "name", c: "emails", d: "emails" };
    expect(duplicateTargets(m, ["emails"])).toEqual(["name"]);
    expect(missingRequired({ a: "city" }, ["name"])).toEqual(["name"]);
    expect(missingRequired(m, ["name"])).toEqual([]);
  });

  it("puts mapping.<header> errors on their header and the rest aside", () => {
    const r = splitMappingErrors(
      [
        { field: "mapping.Naziv", code: "unknown_field", message: "No such field" },
        { field: "delimiter", code: "invalid", message: "Bad" },
      ],
      (e) => e.message,
    );
    expect(r.byHeader).toEqual({ Naziv: "No such field" });
    expect(r.general).toEqual(["delimiter: Bad"]);
  });
});

describe("import status", () => {
  const imp = (status: string, dry_run = false) => ({ status, dry_run, rows_done: 1, rows_total: 4 });

  it("polls while queued, running or undoing", () => {
    expect(["queued", "running", "done", "failed", "undoing", "undone"].filter((s) => isImportActive({ status: s }))).toEqual([
      "queued",
      "running",
      "undoing",
    ]);
  });

  it("undoes only finished real imports, resumes only failed ones", () => {
    expect(canUndoImport(imp("done"))).toBe(true);
    expect(canUndoImport(imp("done", true))).toBe(false);
    expect(canUndoImport(imp("undone"))).toBe(false);
    expect(canResumeImport(imp("failed"))).toBe(true);
    expect(canResumeImport(imp("done"))).toBe(false);
  });

  it("shows progress as a clamped percentage, full once done", () => {
    expect(importProgress(imp("running"))).toBe(25);
    expect(importProgress({ ...imp("running"), rows_total: 0 })).toBe(0);
    expect(importProgress({ ...imp("running"), rows_done: 9 })).toBe(100);
    expect(importProgress(imp("done"))).toBe(100);
  });

  it("writes preview cells as text", () => {
    const row = { name: "Kraš", emails: ["a@kras.hr", "b@kras.hr"], tax_id: null, n: 3 };
    expect(previewCell(row, "name")).toBe("Kraš");
    expect(previewCell(row, "emails")).toBe("a@kras.hr, b@kras.hr");
    expect(previewCell(row, "tax_id")).toBe("");
    expect(previewCell(row, "n")).toBe("3");
  });
});
