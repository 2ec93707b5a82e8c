import { filenameFromDisposition } from "./download";

describe("filenameFromDisposition", () => {
  it("reads a quoted or bare filename", () => {
    expect(filenameFromDisposition('attachment; filename="partners-2026-11-30.xlsx"')).toBe("partners-2026-11-30.xlsx");
    expect(filenameFromDisposition("attachment; filename=leads.csv")).toBe("leads.csv");
  });

  it("prefers the encoded filename*", () => {
    expect(filenameFromDisposition("attachment; filename=\"a.csv\"; filename*=UTF-8''partneri%20%C5%A1.csv")).toBe("partneri š.csv");
  });

  it("is null without a header or a name", () => {
    expect(filenameFromDisposition(null)).toBeNull();
    expect(filenameFromDisposition("attachment")).toBeNull();
  });
});
