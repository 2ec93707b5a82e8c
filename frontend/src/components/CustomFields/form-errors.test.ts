import type { CustomField } from "../../lib/api/types";
import { conflictFormat, customFieldErrors, customFieldsSummary } from "./form-errors";

const words = { yes: "Yes", no: "No", formatDate: (d: string) => d, formatNumber: (n: number) => String(n) };
const defs = [
  { key: "tier", label: "Tier", field_type: "choice", options: ["gold"] },
  { key: "vip", label: "VIP", field_type: "boolean", options: [] },
] as unknown as CustomField[];

describe("custom fields in forms", () => {
  it("picks the errors at custom_fields.<key> for the inputs", () => {
    expect(customFieldErrors({ name: "x", "custom_fields.tier": "Required." })).toEqual({ tier: "Required." });
  });

  it("shows all custom values on one line in the conflict dialog", () => {
    expect(customFieldsSummary(defs, { tier: "gold", vip: true }, words)).toBe("Tier: gold; VIP: Yes");
    expect(customFieldsSummary(defs, {}, words)).toBe("—");
    const format = conflictFormat(defs, words);
    expect(format("custom_fields", { vip: false })).toBe("VIP: No");
    expect(format("name", "")).toBe("—");
  });
});
