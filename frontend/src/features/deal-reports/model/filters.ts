import type { DealGroupBy, ReportQuery } from "./types";

export interface ReportFilters {
  kind: "sale" | "supply";
  typeId: string | null;
  ownerId: string | null;
  /** yyyy-mm-dd or empty. */
  from: string;
  to: string;
  groupBy: DealGroupBy | null;
}

export const emptyFilters: ReportFilters = { kind: "sale", typeId: null, ownerId: null, from: "", to: "", groupBy: null };

const day = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

/** The forecast's query: empty filters left out. */
export function forecastQuery(f: ReportFilters): ReportQuery {
  return {
    kind: f.kind,
    type_id: f.typeId || undefined,
    owner_id: f.ownerId || undefined,
    from: day(f.from),
    to: day(f.to),
    group_by: f.groupBy ?? undefined,
  };
}

/** The stage report is about one type (null without one); it takes the period and owner, not the grouping. */
export function stagesQuery(f: ReportFilters): ReportQuery | null {
  if (!f.typeId) return null;
  return { ...forecastQuery(f), group_by: undefined };
}

/** Overdue deals now: kind, type and owner narrow them (the period does not apply). */
export function overdueQuery(f: ReportFilters): ReportQuery {
  return { kind: f.kind, type_id: f.typeId || undefined, owner_id: f.ownerId || undefined };
}

/** A deal type only belongs in the filter while it is of the chosen kind. */
export function withKind(f: ReportFilters, kind: ReportFilters["kind"], typeKind: (id: string) => string | undefined): ReportFilters {
  return { ...f, kind, typeId: f.typeId && typeKind(f.typeId) === kind ? f.typeId : null };
}
