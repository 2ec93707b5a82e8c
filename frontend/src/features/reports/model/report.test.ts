import { describe, expect, it } from "vitest";
import { dayStart, totals } from "./report";

describe("contact-cost report", () => {
  it("adds up activities, minutes and cost per currency", () => {
    const t = totals([
      { label: "A", activities: 2, minutes: 90, cost: 5000, currency: "EUR" },
      { label: "B", activities: 1, minutes: 30, cost: 2000, currency: "EUR" },
      { label: "C", activities: 1, minutes: 15, cost: 0, currency: null },
      { label: "D", activities: 3, minutes: 60, cost: 12000, currency: "PLN" },
    ]);
    expect(t.activities).toBe(7);
    expect(t.minutes).toBe(195);
    expect(t.cost).toEqual([
      { currency: "EUR", amount: 7000 },
      { currency: "PLN", amount: 12000 },
    ]);
  });
  it("turns days into instants, the end day inclusive", () => {
    expect(dayStart("2026-11-01")).toBe(new Date(2026, 10, 1).toISOString());
    expect(dayStart("2026-11-30", true)).toBe(new Date(2026, 11, 1).toISOString());
    expect(dayStart("nope")).toBeNull();
  });
});
