import { changedValues, compareVersions } from "./diff";

describe("record diff", () => {
  const base = { name: "Ana", email: "ana@x.hr", roles: ["viewer"] };

  it("sends only changed fields", () => {
    expect(changedValues(base, { ...base, name: "Ana K." })).toEqual({ name: "Ana K." });
    expect(changedValues(base, { ...base, roles: ["viewer"] })).toEqual({});
  });

  it("compares mine and theirs field by field for the 412 dialog", () => {
    const mine = { ...base, name: "Mine" };
    const theirs = { ...base, name: "Theirs", roles: ["admin"] };
    expect(compareVersions(base, mine, theirs)).toEqual([
      { field: "name", mine: "Mine", theirs: "Theirs", changedByOthers: true, changedByMe: true },
      { field: "roles", mine: ["viewer"], theirs: ["admin"], changedByOthers: true, changedByMe: false },
    ]);
  });
});
