import type { ForecastRow } from "./types";

/** One month of the chart: the rows of that month added up (over owners, types or sources when grouped). */
export interface MonthPoint {
  month: string;
  pipeline: number;
  weighted: number;
  realised: number;
}

/** Rows by month, oldest first; rows without a month (open deals with no close date) are left out. */
export function monthSeries(rows: readonly Pick<ForecastRow, "month" | "pipeline_amount" | "weighted_amount" | "realised_amount">[]): MonthPoint[] {
  const byMonth = new Map<string, MonthPoint>();
  for (const r of rows) {
    if (!r.month) continue;
    const p = byMonth.get(r.month) ?? { month: r.month, pipeline: 0, weighted: 0, realised: 0 };
    p.pipeline += r.pipeline_amount;
    p.weighted += r.weighted_amount;
    p.realised += r.realised_amount;
    byMonth.set(r.month, p);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** The top of the value axis: the smallest 1, 2, 2.5 or 5 × 10^n at or above the largest value (1 when all are 0). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

/**
 * Evenly spaced axis values from 0 to max. Without a count, one that keeps the steps round for a niceMax top:
 * 4 steps for 2 × 10^n (0.5 each), else 5 (1 → 0.2, 2.5 → 0.5, 5 → 1).
 */
export function ticks(max: number, count?: number): number[] {
  const mantissa = max > 0 ? max / 10 ** Math.floor(Math.log10(max)) : 1;
  const n = count ?? (Math.abs(mantissa - 2) < 1e-9 ? 4 : 5);
  return Array.from({ length: n + 1 }, (_, i) => (max * i) / n);
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface MonthBars {
  month: string;
  /** The centre of the month's group, for its label. */
  center: number;
  /** The whole pipeline: the lighter bar behind the weighted forecast. */
  pipeline: Bar;
  weighted: Bar;
  realised: Bar;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axis labels. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

/**
 * Where the bars go: each month gets an equal slot; in it the forecast bar (pipeline behind, weighted in
 * front, same width) and the realised bar stand side by side. Heights scale to niceMax of the largest value.
 */
export function layoutBars(points: readonly MonthPoint[], box: ChartBox): { max: number; bars: MonthBars[] } {
  const max = niceMax(Math.max(0, ...points.map((p) => Math.max(p.pipeline, p.weighted, p.realised))));
  const plotW = Math.max(0, box.width - box.left - box.right);
  const plotH = Math.max(0, box.height - box.top - box.bottom);
  const slot = points.length ? plotW / points.length : 0;
  const barW = Math.min(32, slot * 0.35);
  const base = box.top + plotH;
  const bar = (x: number, value: number): Bar => {
    const h = max > 0 ? (Math.max(0, value) / max) * plotH : 0;
    return { x, y: base - h, width: barW, height: h, value };
  };
  const bars = points.map((p, i) => {
    const center = box.left + slot * i + slot / 2;
    return {
      month: p.month,
      center,
      pipeline: bar(center - barW - 1, p.pipeline),
      weighted: bar(center - barW - 1, p.weighted),
      realised: bar(center + 1, p.realised),
    };
  });
  return { max, bars };
}

/** The y coordinate of an axis value. */
export function yOf(value: number, max: number, box: ChartBox): number {
  const plotH = Math.max(0, box.height - box.top - box.bottom);
  return box.top + plotH - (max > 0 ? (value / max) * plotH : 0);
}
