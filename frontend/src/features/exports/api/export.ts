import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { ExportFormat } from "../../../lib/api/types";
import { filenameFromDisposition, saveBlob } from "../../../lib/download";
import type { ExportRequest } from "../model/export";

/** Fetches the export through the API client (it needs the token) and saves it under the server's name. */
async function save(call: Promise<{ data?: unknown; error?: unknown; response: Response }>, fallback: string) {
  const blob = await unwrap(call);
  const { response } = await call;
  saveBlob(blob as Blob, filenameFromDisposition(response.headers.get("Content-Disposition")) ?? fallback);
}

/** GET /api/v1/<entity>/export?format=..., with the same typed filters the list sends. */
export function downloadExport(req: ExportRequest, format: ExportFormat): Promise<void> {
  const fallback = `${req.entity}.${format}`;
  switch (req.entity) {
    case "partners":
      return save(api.GET("/api/v1/partners/export", { params: { query: { ...req.query, format } }, parseAs: "blob" }), fallback);
    case "persons":
      return save(api.GET("/api/v1/persons/export", { params: { query: { ...req.query, format } }, parseAs: "blob" }), fallback);
    case "leads":
      return save(api.GET("/api/v1/leads/export", { params: { query: { ...req.query, format } }, parseAs: "blob" }), fallback);
  }
}
