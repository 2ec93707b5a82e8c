import { ownersToValues, valuesToSetOwners } from "./owners";

describe("owners form", () => {
  it("splits the owners by role", () => {
    const owners = [
      { user_id: "u1", role: "primary" },
      { user_id: "u2", role: "deputy" },
      { user_id: "u3", role: "shared" },
      { user_id: "u4", role: "deputy" },
    ];
    expect(ownersToValues(owners, "u1")).toEqual({ primary_id: "u1", deputy_ids: ["u2", "u4"], shared_ids: ["u3"] });
    expect(ownersToValues([], null)).toEqual({ primary_id: null, deputy_ids: [], shared_ids: [] });
  });

  it("gives every user one role: primary over deputy over shared", () => {
    expect(valuesToSetOwners({ primary_id: "u1", deputy_ids: ["u1", "u2", "u2"], shared_ids: ["u2", "u3", "u1"] })).toEqual({
      primary_id: "u1",
      deputy_ids: ["u2"],
      shared_ids: ["u3"],
    });
  });

  it("sends null for no primary owner", () => {
    expect(valuesToSetOwners({ primary_id: "", deputy_ids: [], shared_ids: ["u3"] })).toEqual({
      primary_id: null,
      deputy_ids: [],
      shared_ids: ["u3"],
    });
  });
});
