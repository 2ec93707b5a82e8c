// Pure logic of the import wizard: the multipart forms, the mapping state, status rules, the preview.
import type { FieldProblem } from "../../../lib/api/problem";

export const IMPORT_ENTITIES = ["partners", "persons", "leads"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const ENCODINGS = ["utf-8", "windows-1250", "iso-8859-2", "windows-1252"] as const;
export const DELIMITERS = [",", ";", "tab"] as const;
export const ON_DUPLICATE = ["skip", "update", "create"] as const;
export type OnDuplicate = (typeof ON_DUPLICATE)[number];
export type MatchOn = "tax_id" | "email" | "name_city";

/** What the server reads of a file to suggest a mapping: its beginning only. */
export const SUGGEST_BYTES = 65536;

/** Header -> field; "" (or a missing header) means the column is not imported. */
export type MappingState = Record<string, string>;

export interface ImportOptions {
  entity: ImportEntity;
  /** "" means "detect". */
  encoding: string;
  /** "" means "detect". */
  delimiter: string;
  onDuplicate: OnDuplicate;
  matchOn: MatchOn;
}

/** Tax ids exist only on partners; persons and leads are matched on email or name and city. */
export function matchOnChoices(entity: ImportEntity): MatchOn[] {
  return entity === "partners" ? ["tax_id", "email", "name_city"] : ["email", "name_city"];
}

/** The match the entity allows: the current one when it still applies, else the entity's first. */
export function fitMatchOn(entity: ImportEntity, current: MatchOn): MatchOn {
  const choices = matchOnChoices(entity);
  return choices.includes(current) ? current : (choices[0] ?? "email");
}

/** The entities the caller may import (the `import` grant on the resource). */
export function importableEntities(canImport: (entity: ImportEntity) => boolean): ImportEntity[] {
  return IMPORT_ENTITIES.filter(canImport);
}

/** POST /imports/suggest-mapping: entity, the optional read settings, then the file's beginning. */
export function buildSuggestForm(o: Pick<ImportOptions, "entity" | "encoding" | "delimiter">, file: File): FormData {
  const form = new FormData();
  form.append("entity", o.entity);
  if (o.encoding) form.append("encoding", o.encoding);
  if (o.delimiter) form.append("delimiter", o.delimiter);
  form.append("file", file.slice(0, SUGGEST_BYTES), file.name);
  return form;
}

/** The mapping as the API takes it: only the columns that are imported. */
export function cleanMapping(mapping: MappingState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [header, field] of Object.entries(mapping)) if (field) out[header] = field;
  return out;
}

/**
 * POST /imports: the server streams the form, so every option comes before the file and the file is last.
 * The mapping is left out when null (the server then uses its suggestion).
 */
export function buildImportForm(o: ImportOptions, mapping: MappingState | null, dryRun: boolean, file: File): FormData {
  const form = new FormData();
  form.append("entity", o.entity);
  if (mapping) form.append("mapping", JSON.stringify(cleanMapping(mapping)));
  form.append("dry_run", dryRun ? "true" : "false");
  form.append("on_duplicate", o.onDuplicate);
  form.append("match_on", fitMatchOn(o.entity, o.matchOn));
  if (o.encoding) form.append("encoding", o.encoding);
  if (o.delimiter) form.append("delimiter", o.delimiter);
  form.append("file", file, file.name);
  return form;
}

/** Every header of the file with its suggested field, or "do not import". */
export function initialMapping(headers: readonly string[], suggested: Record<string, string>): MappingState {
  return Object.fromEntries(headers.map((h) => [h, suggested[h] ?? ""]));
}

/** A saved template over the file's headers: headers it names get its field, the others are not imported. */
export function applyTemplate(headers: readonly string[], template: Record<string, string>, fields: readonly string[]): MappingState {
  return Object.fromEntries(headers.map((h) => [h, fields.includes(template[h] ?? "") ? (template[h] ?? "") : ""]));
}

/** Fields mapped from more than one column (only fields holding several values may be). */
export function duplicateTargets(mapping: MappingState, multiple: readonly string[]): string[] {
  const seen = new Map<string, number>();
  for (const field of Object.values(mapping)) if (field) seen.set(field, (seen.get(field) ?? 0) + 1);
  return [...seen].filter(([f, n]) => n > 1 && !multiple.includes(f)).map(([f]) => f);
}

/** Required fields no column is mapped to. */
export function missingRequired(mapping: MappingState, required: readonly string[]): string[] {
  const mapped = new Set(Object.values(mapping));
  return required.filter((f) => !mapped.has(f));
}

/** 422 field errors: `mapping.<header>` to that header's select, the rest as general messages. */
export function splitMappingErrors(errors: readonly FieldProblem[], message: (e: FieldProblem) => string) {
  const byHeader: Record<string, string> = {};
  const general: string[] = [];
  for (const e of errors) {
    if (e.field.startsWith("mapping.")) {
      const header = e.field.slice("mapping.".length);
      byHeader[header] = byHeader[header] ? `${byHeader[header]}; ${message(e)}` : message(e);
    } else {
      general.push(e.field ? `${e.field}: ${message(e)}` : message(e));
    }
  }
  return { byHeader, general };
}

export interface ImportLike {
  status: string;
  dry_run: boolean;
  rows_done: number;
  rows_total: number;
}

/** The server is still working on it: keep polling. */
export const isImportActive = (i: Pick<ImportLike, "status">) => ["queued", "running", "undoing"].includes(i.status);

/** A finished import that wrote records can be undone. */
export const canUndoImport = (i: Pick<ImportLike, "status" | "dry_run">) => i.status === "done" && !i.dry_run;

/** A failed import can be resumed from where it stopped. */
export const canResumeImport = (i: Pick<ImportLike, "status">) => i.status === "failed";

/** Percentage of the rows read (100 once done), rounded and clamped. */
export function importProgress(i: ImportLike): number {
  if (i.status === "done" || i.status === "undone") return 100;
  if (i.rows_total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((i.rows_done / i.rows_total) * 100)));
}

/** The columns of the preview table: the fields that tell the rows apart, per entity. */
export const PREVIEW_COLUMNS: Record<ImportEntity, string[]> = {
  partners: ["name", "tax_id", "city", "emails"],
  persons: ["first_name", "last_name", "emails", "phones"],
  leads: ["first_name", "last_name", "company_name", "email", "city"],
};

/** One preview cell as text: lists joined, empty values blank. */
export function previewCell(row: Record<string, unknown>, key: string): string {
  const v = row[key];
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) {
    return v
      .map((x) => (x && typeof x === "object" ? String((x as Record<string, unknown>).value ?? (x as Record<string, unknown>).email ?? "") : String(x)))
      .filter(Boolean)
      .join(", ");
  }
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}
