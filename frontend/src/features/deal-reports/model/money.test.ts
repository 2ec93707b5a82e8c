import { describe, expect, it } from "vitest";
import { formatDays, formatMinor, formatMonth, formatRate } from "./money";

describe("report money and numbers", () => {
  it("divides minor units by 100 in the company currency", () => {
    expect(formatMinor(123456, "EUR", "en")).toBe("€1,234.56");
    expect(formatMinor(20000, "EUR", "en")).toBe("€200.00");
    expect(formatMinor(-50, "EUR", "en")).toBe("-€0.50");
    expect(formatMinor(20000, "EUR", "hr").replace(/\s/g, " ")).toBe("200,00 €");
  });

  it("still shows an amount for a code Intl does not know", () => {
    expect(formatMinor(150, "X1", "en")).toBe("1.50 X1");
  });

  it("formats months, conversion rates and days in stage", () => {
    expect(formatMonth("2027-03", "en")).toBe("Mar 2027");
    expect(formatMonth(null, "en")).toBe("");
    expect(formatRate(0.5, "en")).toBe("50%");
    expect(formatRate(null, "en")).toBe("—");
    expect(formatDays(86_400 * 2.5, "en")).toBe("2.5");
    expect(formatDays(null, "en")).toBe("—");
  });
});
