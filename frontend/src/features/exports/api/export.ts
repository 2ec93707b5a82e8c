import { api } from "../../../lib/api/client";
import type { ExportFormat } from "../../../lib/api/types";
import { saveDownload as save } from "../../../lib/download";
import type { ExportRequest } from "../model/export";


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
