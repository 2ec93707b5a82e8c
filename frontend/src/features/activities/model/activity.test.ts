import { describe, expect, it } from "vitest";
import { formatMinutes, fromLocalInput, kindIcon, toLocalInput } from "./activity";

describe("activity model", () => {
  it("formats minutes as h:mm", () => {
    expect(formatMinutes(0)).toBe("0:00");
    expect(formatMinutes(5)).toBe("0:05");
    expect(formatMinutes(135)).toBe("2:15");
  });
  it("round-trips a local datetime input", () => {
    const d = new Date(2026, 10, 23, 9, 7);
    expect(toLocalInput(d)).toBe("2026-11-23T09:07");
    expect(fromLocalInput(toLocalInput(d))).toBe(d.toISOString());
    expect(fromLocalInput("")).toBeNull();
  });
  it("has an icon for every kind and a fallback", () => {
    expect(kindIcon("call")).not.toBe("•");
    expect(kindIcon("other")).toBe("•");
  });
});
