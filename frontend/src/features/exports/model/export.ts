import type { operations } from "../../../lib/api/schema";

type Query<Op extends keyof operations> = Omit<NonNullable<operations[Op]["parameters"]["query"]>, "format">;

/** What an export downloads: the entity and the list's own query parameters (without the format). */
export type ExportRequest =
  | { entity: "partners"; query: Query<"export_partners"> }
  | { entity: "persons"; query: Query<"export_persons"> }
  | { entity: "leads"; query: Query<"export_leads"> };

/** The persons list's typed filters as export parameters (as GET /persons takes them). */
export function personsExportQuery(o: { q: string; trashed: boolean; partnerId?: string }): Query<"export_persons"> {
  return { q: o.q.trim() || undefined, partner_id: o.partnerId || undefined, trashed: o.trashed || undefined };
}

/** The leads list's typed filters as export parameters (as GET /leads takes them). */
export function leadsExportQuery(o: { q: string; status: string | null; sourceId: string | null }): Query<"export_leads"> {
  return { q: o.q.trim() || undefined, status: o.status || undefined, source_id: o.sourceId || undefined };
}
