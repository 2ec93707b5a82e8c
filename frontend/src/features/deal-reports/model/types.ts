// Names for the generated schema types of the deal reports (aliases only).
import type { components, operations } from "../../../lib/api/schema";

type S = components["schemas"];

export type ForecastReport = S["ForecastReport"];
export type ForecastRow = S["ForecastRow"];
export type StageReport = S["StageReport"];
export type StageReportRow = S["StageRow"];
export type OverdueReport = S["OverdueReport"];
export type OverdueRow = S["OverdueRow"];
export type DealGroupBy = S["DealGroupBy"];
export type ExportFormat = S["ExportFormat"];

/** The query the three reports share (forecast's, without the download format). */
export type ReportQuery = Omit<NonNullable<operations["get_deal_forecast"]["parameters"]["query"]>, "format">;
