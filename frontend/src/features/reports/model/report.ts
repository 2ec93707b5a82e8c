import type { ContactCostRow } from "../../../lib/api/types";

export interface Totals {
  activities: number;
  minutes: number;
  /** Cost per currency (rows without a currency are left out). */
  cost: { currency: string; amount: number }[];
}

export function totals(rows: readonly ContactCostRow[]): Totals {
  const cost = new Map<string, number>();
  let activities = 0;
  let minutes = 0;
  for (const r of rows) {
    activities += r.activities;
    minutes += r.minutes;
    if (r.currency) cost.set(r.currency, (cost.get(r.currency) ?? 0) + r.cost);
  }
  return { activities, minutes, cost: [...cost].map(([currency, amount]) => ({ currency, amount })) };
}

/** A yyyy-mm-dd day (local) as the instant it starts; `nextDay` gives the start of the following day. */
export function dayStart(day: string, nextDay = false): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (nextDay ? 1 : 0)).toISOString();
}

export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
