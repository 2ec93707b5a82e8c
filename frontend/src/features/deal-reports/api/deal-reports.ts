import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import { saveDownload as save } from "../../../lib/download";
import type { ExportFormat, ReportQuery } from "../model/types";

export type DealReport = "forecast" | "stages" | "overdue";

/** GET /api/v1/reports/deals/forecast: open deals by expected close month (weighted) against won deals. */
export const forecastReportQuery = (query: ReportQuery) =>
  queryOptions({
    queryKey: ["reports", "deals", "forecast", query],
    queryFn: () => unwrap(api.GET("/api/v1/reports/deals/forecast", { params: { query } })),
  });

/** GET /api/v1/reports/deals/stages: conversion and time per stage of one type. */
export const stagesReportQuery = (query: ReportQuery) =>
  queryOptions({
    queryKey: ["reports", "deals", "stages", query],
    queryFn: () => unwrap(api.GET("/api/v1/reports/deals/stages", { params: { query } })),
  });

/** GET /api/v1/reports/deals/overdue: open deals past their stage's due time. */
export const overdueReportQuery = (query: ReportQuery) =>
  queryOptions({
    queryKey: ["reports", "deals", "overdue", query],
    queryFn: () => unwrap(api.GET("/api/v1/reports/deals/overdue", { params: { query } })),
  });


/** The same report with `format=csv|xlsx`: a file instead of JSON. */
export function downloadReport(report: DealReport, query: ReportQuery, format: ExportFormat): Promise<void> {
  const fallback = `deal-${report}.${format}`;
  const params = { query: { ...query, format } };
  switch (report) {
    case "forecast":
      return save(api.GET("/api/v1/reports/deals/forecast", { params, parseAs: "blob" }), fallback);
    case "stages":
      return save(api.GET("/api/v1/reports/deals/stages", { params, parseAs: "blob" }), fallback);
    case "overdue":
      return save(api.GET("/api/v1/reports/deals/overdue", { params, parseAs: "blob" }), fallback);
  }
}

/** Users for the owner filter (GET /api/v1/users), by name. */
export const ownerOptionsQuery = queryOptions({
  queryKey: ["users", "deal-report-owners"],
  staleTime: 60_000,
  queryFn: async () => {
    const page = await unwrap(api.GET("/api/v1/users", { params: { query: { limit: 200, sort: "name" } } }));
    return page.items.map((u) => ({ value: u.id, label: u.name }));
  },
});
