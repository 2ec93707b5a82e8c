import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import { saveDownload } from "../../../lib/download";
import { buildImportForm, buildSuggestForm, isImportActive, type ImportEntity, type ImportOptions, type MappingState } from "../model/imports";

export const IMPORTS_KEY = ["imports"] as const;
export const importKey = (id: string) => ["imports", "detail", id] as const;
export const importsListKey = (entity: ImportEntity | null) => ["imports", "list", entity ?? "all"] as const;
export const templatesKey = (entity: ImportEntity) => ["imports", "templates", entity] as const;

/** Multipart: the entity and read settings first, then only the file's first 64 KiB. */
export function suggestMapping(o: Pick<ImportOptions, "entity" | "encoding" | "delimiter">, file: File) {
  const form = buildSuggestForm(o, file);
  return unwrap(
    api.POST("/api/v1/imports/suggest-mapping", {
      body: { entity: o.entity, file: file.name },
      bodySerializer: () => form,
    }),
  );
}

/** Multipart, streamed by the server: options first, the file last. 202 with the queued import. */
export function startImport(o: ImportOptions, mapping: MappingState | null, dryRun: boolean, file: File) {
  const form = buildImportForm(o, mapping, dryRun, file);
  return unwrap(
    api.POST("/api/v1/imports", {
      body: { entity: o.entity, file: file.name },
      bodySerializer: () => form,
    }),
  );
}

/** GET /api/v1/imports/{id}, polled every second while the server works on it. */
export const importQuery = (id: string) =>
  queryOptions({
    queryKey: importKey(id),
    queryFn: () => unwrap(api.GET("/api/v1/imports/{id}", { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data && !isImportActive(q.state.data) ? false : 1000),
  });

/** The caller's recent imports, newest first. */
export const importsListQuery = (entity: ImportEntity | null) =>
  queryOptions({
    queryKey: importsListKey(entity),
    queryFn: () => unwrap(api.GET("/api/v1/imports", { params: { query: { entity: entity ?? undefined, limit: 10 } } })),
  });

export const undoImport = (id: string) => unwrap(api.POST("/api/v1/imports/{id}/undo", { params: { path: { id } } }));

export const resumeImport = (id: string) => unwrap(api.POST("/api/v1/imports/{id}/resume", { params: { path: { id } } }));

/** The failed rows as CSV (original columns, `row`, `error`), fetched with the token and saved. */
export async function downloadImportErrors(id: string): Promise<void> {
  await saveDownload(api.GET("/api/v1/imports/{id}/errors", { params: { path: { id } }, parseAs: "blob" }), "import-errors.csv");
}

export const templatesQuery = (entity: ImportEntity) =>
  queryOptions({
    queryKey: templatesKey(entity),
    queryFn: () => unwrap(api.GET("/api/v1/imports/templates", { params: { query: { entity } } })),
  });

export const createTemplate = (name: string, entity: ImportEntity, mapping: Record<string, string>) =>
  unwrap(api.POST("/api/v1/imports/templates", { body: { name, entity, mapping } }));

export const deleteTemplate = (id: string) => unwrap(api.DELETE("/api/v1/imports/templates/{id}", { params: { path: { id } } }));
