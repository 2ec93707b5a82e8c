import { canCancelJob, canRetryJob, isJobActive, jobProgress } from "./jobs";

const all = ["queued", "running", "done", "dead", "cancelled"];

describe("job actions", () => {
  it("retries only dead or cancelled jobs", () => {
    expect(all.filter((status) => canRetryJob({ status }))).toEqual(["dead", "cancelled"]);
  });

  it("cancels only queued or dead jobs", () => {
    expect(all.filter((status) => canCancelJob({ status }))).toEqual(["queued", "dead"]);
  });

  it("keeps refreshing while queued or running", () => {
    expect(all.filter((status) => isJobActive({ status }))).toEqual(["queued", "running"]);
  });
});

describe("job progress", () => {
  it("is a rounded, clamped percentage, or null without a total", () => {
    expect(jobProgress({ progress_done: 1, progress_total: 3 })).toBe(33);
    expect(jobProgress({ progress_done: 7, progress_total: 5 })).toBe(100);
    expect(jobProgress({ progress_done: 0, progress_total: 0 })).toBeNull();
  });
});
