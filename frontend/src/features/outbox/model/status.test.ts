import { emailStatusColor, isEmailPending, splitRecipients } from "./status";

describe("outbox status", () => {
  it("keeps refreshing only while queued or sending", () => {
    expect(["queued", "sending", "sent", "failed"].map((status) => isEmailPending({ status }))).toEqual([true, true, false, false]);
  });

  it("colours failures red and unknown states grey", () => {
    expect(emailStatusColor("failed")).toBe("red");
    expect(emailStatusColor("weird")).toBe("gray");
  });
});

describe("recipients", () => {
  it("splits on commas, semicolons and whitespace and drops empties", () => {
    expect(splitRecipients(" a@x.hr, b@y.pl;c@z.ro\n\n d@e.com ,")).toEqual(["a@x.hr", "b@y.pl", "c@z.ro", "d@e.com"]);
    expect(splitRecipients("  ")).toEqual([]);
  });
});
