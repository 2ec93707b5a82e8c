import { allowedNav, can } from "./permissions";

const salesRep = [
  { resource: "users", action: "read", scope: "own" },
  { resource: "teams", action: "read", scope: "own" },
  { resource: "history", action: "read", scope: "own" },
  { resource: "api_keys", action: "read", scope: "own" },
  { resource: "api_keys", action: "create", scope: "own" },
  { resource: "partners", action: "read", scope: "own" },
  { resource: "persons", action: "read", scope: "own" },
  { resource: "lists", action: "read", scope: "all" },
];

describe("menu by grants", () => {
  it("shows a sales rep partners, persons, teams, API keys and history but not users, roles or lists", () => {
    expect(allowedNav(salesRep)).toEqual({
      messages: true,
      tasks: true,
      partners: true,
      persons: true,
      leads: false,
      deals: false,
      reports: false,
      outbox: false,
      email_templates: false,
      users: false,
      roles: false,
      teams: true,
      lists: false,
      custom_fields: false,
      api_keys: true,
      history: true,
      jobs: false,
      announcements: false,
      deal_types: false,
      products: false,
      exchange_rates: false,
      deal_reports: false,
      reassign: false,
      assignment_reports: false,
      territories: false,
      assignment_rules: false,
      imports: false,
    });
  });

  it("shows the lists admin only to those who may update lists", () => {
    expect(allowedNav([{ resource: "lists", action: "update", scope: "all" }]).lists).toBe(true);
  });

  it("shows the custom fields admin only to those who may change definitions", () => {
    expect(allowedNav([{ resource: "custom_fields", action: "read", scope: "all" }]).custom_fields).toBe(false);
    expect(allowedNav([{ resource: "custom_fields", action: "update", scope: "all" }]).custom_fields).toBe(true);
  });

  it("shows the outbox, jobs and template editor only with their grants", () => {
    expect(allowedNav([{ resource: "emails", action: "read", scope: "own" }]).outbox).toBe(true);
    expect(allowedNav([{ resource: "jobs", action: "read", scope: "all" }]).jobs).toBe(true);
    expect(allowedNav([{ resource: "email_templates", action: "read", scope: "all" }]).email_templates).toBe(false);
    expect(allowedNav([{ resource: "email_templates", action: "update", scope: "all" }]).email_templates).toBe(true);
  });

  it("shows the announcements admin only to those who may publish", () => {
    expect(allowedNav([{ resource: "announcements", action: "read", scope: "all" }]).announcements).toBe(false);
    expect(allowedNav([{ resource: "announcements", action: "create", scope: "all" }]).announcements).toBe(true);
  });

  it("shows territories and the rules table only to those who change territories", () => {
    expect(allowedNav([{ resource: "territories", action: "read", scope: "all" }]).territories).toBe(false);
    expect(allowedNav([{ resource: "territories", action: "create", scope: "all" }]).territories).toBe(true);
    expect(allowedNav([{ resource: "territories", action: "update", scope: "all" }]).assignment_rules).toBe(true);
    expect(allowedNav([{ resource: "leads", action: "import", scope: "own" }]).imports).toBe(true);
    expect(allowedNav([{ resource: "partners", action: "export", scope: "all" }]).imports).toBe(false);
    expect(allowedNav([{ resource: "partners", action: "assign", scope: "team" }]).reassign).toBe(true);
  });

  it("shows the deal administration screens to those who change them and deal reports with reports:read", () => {
    expect(allowedNav([{ resource: "deal_types", action: "read", scope: "all" }]).deal_types).toBe(false);
    expect(allowedNav([{ resource: "deal_types", action: "update", scope: "all" }]).deal_types).toBe(true);
    expect(allowedNav([{ resource: "products", action: "create", scope: "all" }]).products).toBe(true);
    expect(allowedNav([{ resource: "exchange_rates", action: "read", scope: "all" }]).exchange_rates).toBe(false);
    expect(allowedNav([{ resource: "exchange_rates", action: "create", scope: "all" }]).exchange_rates).toBe(true);
    expect(allowedNav([{ resource: "reports", action: "read", scope: "team" }]).deal_reports).toBe(true);
  });

  it("shows users for team or all scope", () => {
    expect(allowedNav([{ resource: "users", action: "read", scope: "team" }]).users).toBe(true);
    expect(can(salesRep, "users", "read")).toBe(true);
    expect(can(salesRep, "users", "read", ["all"])).toBe(false);
  });
});
