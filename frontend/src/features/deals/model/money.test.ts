import { describe, expect, it } from "vitest";
import { bpToPercent, currencyDigits, formatAmount, lineNet, percentToBp, toMajor, toMinor } from "./money";

describe("deal money", () => {
  it("formats minor units with the currency", () => {
    expect(formatAmount(150000, "EUR", "en")).toBe("€1,500.00");
    expect(formatAmount(150050, "EUR", "hr").replace(/\s/g, " ")).toBe("1.500,50 €");
    expect(formatAmount(1500, "JPY", "en")).toBe("JP¥1,500");
    expect(formatAmount(null, "EUR", "en")).toBe("");
  });

  it("falls back to a plain number for a code Intl does not know", () => {
    expect(formatAmount(150000, "??", "en")).toBe("1,500.00");
  });

  it("converts between the input's major units and minor units", () => {
    expect(currencyDigits("EUR")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
    expect(toMinor(1500.5, "EUR")).toBe(150050);
    expect(toMinor("12,34", "EUR")).toBe(1234);
    expect(toMinor(0.1 + 0.2, "EUR")).toBe(30);
    expect(toMinor("", "EUR")).toBeNull();
    expect(toMinor("abc", "EUR")).toBeNull();
    expect(toMajor(150050, "EUR")).toBe(1500.5);
    expect(toMajor(null, "EUR")).toBe("");
  });

  it("converts basis points and computes a line's net amount", () => {
    expect(bpToPercent(1000)).toBe(10);
    expect(percentToBp(25)).toBe(2500);
    expect(percentToBp("")).toBeNull();
    expect(lineNet(2, 125000, 1000)).toBe(225000);
    expect(lineNet(1.5, 999, 0)).toBe(1499);
  });
});
