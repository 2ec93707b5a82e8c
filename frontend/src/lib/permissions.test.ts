import { allowedNav, can } from "./permissions";

const salesRep = [
  { resource: "users", action: "read", scope: "own" },
  { resource: "teams", action: "read", scope: "own" },
  { resource: "history", action: "read", scope: "own" },
  { resource: "api_keys", action: "read", scope: "own" },
  { resource: "api_keys", action: "create", scope: "own" },
];

describe("menu by grants", () => {
  it("shows a sales rep teams, API keys and history but not users or roles", () => {
    expect(allowedNav(salesRep)).toEqual({ users: false, roles: false, teams: true, api_keys: true, history: true });
  });

  it("shows users for team or all scope", () => {
    expect(allowedNav([{ resource: "users", action: "read", scope: "team" }]).users).toBe(true);
    expect(can(salesRep, "users", "read")).toBe(true);
    expect(can(salesRep, "users", "read", ["all"])).toBe(false);
  });
});
