import { describe, expect, it } from "vitest";
import { formatBytes } from "./size";

describe("formatBytes", () => {
  it("picks a unit and formats for the locale", () => {
    expect(formatBytes(12, "en")).toBe("12 B");
    expect(formatBytes(1500, "en")).toBe("1.5 kB");
    expect(formatBytes(2_500_000, "hr")).toBe("2,5 MB");
  });
});
