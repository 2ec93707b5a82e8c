import { describe, expect, it } from "vitest";
import { bpToPercent, minorToInput, parseAmount, parseRate, percentToBp } from "./money";

describe("amounts in admin forms", () => {
  it("shows minor units as a plain decimal", () => {
    expect(minorToInput(12550)).toBe("125.50");
    expect(minorToInput(5)).toBe("0.05");
    expect(minorToInput(-1999)).toBe("-19.99");
    expect(minorToInput(null)).toBe("");
  });

  it("reads typed amounts with a dot or a comma, and thousands separators", () => {
    expect(parseAmount("125.5")).toBe(12550);
    expect(parseAmount("125,50")).toBe(12550);
    expect(parseAmount("1.250,00")).toBe(125000);
    expect(parseAmount("1 250,5")).toBe(125050);
    expect(parseAmount("1,250")).toBe(125000);
    expect(parseAmount("7")).toBe(700);
    expect(parseAmount("-3,2")).toBe(-320);
  });

  it("refuses what is not an amount", () => {
    expect(parseAmount("")).toBeNull();
    expect(parseAmount("abc")).toBeNull();
    expect(parseAmount("1.2.3x")).toBeNull();
    expect(parseAmount(",")).toBeNull();
  });

  it("converts VAT basis points and rates", () => {
    expect(bpToPercent(2500)).toBe(25);
    expect(percentToBp(5.5)).toBe(550);
    expect(percentToBp(bpToPercent(1300))).toBe(1300);
    expect(parseRate("0,2341")).toBe(0.2341);
    expect(parseRate("0")).toBeNull();
    expect(parseRate("x")).toBeNull();
  });
});
