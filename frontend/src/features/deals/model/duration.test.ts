import { describe, expect, it } from "vitest";
import { durationParts, formatDuration } from "./duration";

const words = (key: string, o: { count: number }) => `${o.count}${key.endsWith("days") ? "d" : key.endsWith("hours") ? "h" : "m"}`;

describe("time in a stage", () => {
  it("splits seconds into days, hours and minutes", () => {
    expect(durationParts(2 * 86_400 + 3 * 3600 + 59)).toEqual({ days: 2, hours: 3, minutes: 0 });
    expect(durationParts(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });

  it("shows the two largest units", () => {
    expect(formatDuration(2 * 86_400 + 3 * 3600 + 600, words)).toBe("2d 3h");
    expect(formatDuration(86_400, words)).toBe("1d");
    expect(formatDuration(3600 + 600, words)).toBe("1h 10m");
    expect(formatDuration(30, words)).toBe("0m");
  });
});
