import type { Announcement } from "../../../lib/api/types";
import { announcementBody, announcementStatus, announcementValues, fromLocalInput, toLocalInput, windowError } from "./schedule";

const now = new Date("2026-06-15T12:00:00Z");

describe("announcement status", () => {
  it("is scheduled before its start, current inside its window and expired after it", () => {
    expect(announcementStatus({ valid_from: "2026-06-16T00:00:00Z", valid_until: null }, now)).toBe("scheduled");
    expect(announcementStatus({ valid_from: "2026-06-01T00:00:00Z", valid_until: null }, now)).toBe("current");
    expect(announcementStatus({ valid_from: "2026-06-01T00:00:00Z", valid_until: "2026-06-20T00:00:00Z" }, now)).toBe("current");
    expect(announcementStatus({ valid_from: "2026-06-01T00:00:00Z", valid_until: "2026-06-15T12:00:00Z" }, now)).toBe("expired");
  });
});

describe("datetime-local inputs", () => {
  it("round-trip an instant through the local time the input shows", () => {
    const local = toLocalInput("2026-06-15T12:34:56Z");
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe(new Date("2026-06-15T12:34:00Z").toISOString());
  });

  it("treats empty and unreadable values as none", () => {
    expect(toLocalInput(null)).toBe("");
    expect(toLocalInput("nonsense")).toBe("");
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("nonsense")).toBeNull();
  });
});

describe("announcement form", () => {
  it("refuses an end before the start, counting an empty start as now", () => {
    expect(windowError({ valid_from: toLocalInput("2026-06-20T00:00:00Z"), valid_until: toLocalInput("2026-06-19T00:00:00Z") }, now)).toBe(true);
    expect(windowError({ valid_from: "", valid_until: toLocalInput("2026-06-14T00:00:00Z") }, now)).toBe(true);
    expect(windowError({ valid_from: "", valid_until: toLocalInput("2026-06-16T00:00:00Z") }, now)).toBe(false);
    expect(windowError({ valid_from: "", valid_until: "" }, now)).toBe(false);
  });

  it("leaves an empty start out and sends an empty end as null", () => {
    expect(announcementBody({ title: " Hi ", body: "b", pinned: true, valid_from: "", valid_until: "" })).toEqual({
      title: "Hi",
      body: "b",
      pinned: true,
      valid_until: null,
    });
    const from = toLocalInput("2026-06-15T08:00:00Z");
    expect(announcementBody({ title: "x", body: "b", pinned: false, valid_from: from, valid_until: "" }).valid_from).toBe(
      "2026-06-15T08:00:00.000Z",
    );
  });

  it("fills the form from an announcement", () => {
    const a = { title: "T", body: "B", pinned: true, valid_from: "2026-06-15T08:00:00Z", valid_until: null } as Announcement;
    expect(announcementValues(a)).toEqual({ title: "T", body: "B", pinned: true, valid_from: toLocalInput(a.valid_from), valid_until: "" });
  });
});
