import { absenceRangeError, isOverdue } from "./due";

describe("deadlines", () => {
  const now = Date.parse("2026-03-01T10:00:00Z");
  it("is overdue once the due time has passed", () => {
    expect(isOverdue({ due_at: "2026-03-01T09:59:00Z" }, now)).toBe(true);
    expect(isOverdue({ due_at: "2026-03-01T10:00:00Z" }, now)).toBe(true);
    expect(isOverdue({ due_at: "2026-03-01T10:01:00Z" }, now)).toBe(false);
  });
});

describe("absence dates", () => {
  it("needs both dates, the end not before the start", () => {
    expect(absenceRangeError("", "2026-03-02")).toBe("required");
    expect(absenceRangeError("2026-03-03", "2026-03-02")).toBe("end_before_start");
    expect(absenceRangeError("2026-03-02", "2026-03-02")).toBeNull();
    expect(absenceRangeError("2026-02-28", "2026-03-10")).toBeNull();
  });
});
