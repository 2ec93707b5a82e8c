// Display rules only: the server stays the authority and answers 403/404 on its own.
export interface GrantLike {
  resource: string;
  action: string;
  scope: string;
}

export type Scope = "own" | "team" | "all";

export function can(grants: readonly GrantLike[], resource: string, action: string, scopes?: readonly Scope[]): boolean {
  return grants.some(
    (g) => g.resource === resource && g.action === action && (!scopes || scopes.includes(g.scope as Scope)),
  );
}

export type NavKey =
  | "messages"
  | "tasks"
  | "partners"
  | "persons"
  | "leads"
  | "deals"
  | "reports"
  | "outbox"
  | "email_templates"
  | "users"
  | "roles"
  | "teams"
  | "lists"
  | "custom_fields"
  | "api_keys"
  | "history"
  | "jobs"
  | "announcements"
  | "deal_types"
  | "products"
  | "exchange_rates"
  | "deal_reports"
  | "reassign"
  | "assignment_reports"
  | "territories"
  | "assignment_rules"
  | "imports";

/** Which menu entries the user's grants allow. */
export function allowedNav(grants: readonly GrantLike[]): Record<NavKey, boolean> {
  return {
    // Everyone may message colleagues.
    messages: true,
    // Everyone has their own tasks (deadlines need no grant).
    tasks: true,
    partners: can(grants, "partners", "read"),
    persons: can(grants, "persons", "read"),
    leads: can(grants, "leads", "read"),
    // Sales and supply pipelines share one screen; each kind has its own grants.
    deals: can(grants, "deals", "read") || can(grants, "supply_deals", "read"),
    reports: can(grants, "reports", "read"),
    outbox: can(grants, "emails", "read"),
    // Everyone may read templates (the screen is read-only then); the menu offers it to those who edit them.
    email_templates: can(grants, "email_templates", "create") || can(grants, "email_templates", "update"),
    users: can(grants, "users", "read", ["all", "team"]),
    roles: can(grants, "roles", "read"),
    teams: can(grants, "teams", "read"),
    lists: can(grants, "lists", "update"),
    // Everyone reads the definitions (forms need them); the screen is for those who may change them.
    custom_fields: can(grants, "custom_fields", "update"),
    api_keys: can(grants, "api_keys", "read"),
    history: can(grants, "history", "read"),
    jobs: can(grants, "jobs", "read"),
    // Everyone reads announcements on the home page; the screen is for those who publish them.
    announcements: can(grants, "announcements", "create"),
    // Everyone reads deal types, products and rates (deal forms need them); the screens are for those who change them.
    deal_types: can(grants, "deal_types", "create") || can(grants, "deal_types", "update"),
    products: can(grants, "products", "create") || can(grants, "products", "update"),
    exchange_rates: can(grants, "exchange_rates", "create") || can(grants, "exchange_rates", "update"),
    deal_reports: can(grants, "reports", "read"),
    reassign: can(grants, "partners", "assign"),
    assignment_reports: can(grants, "reports", "read"),
    // Everyone reads territories (paths on partners); the screens are for those who change them.
    territories: can(grants, "territories", "create") || can(grants, "territories", "update"),
    assignment_rules: can(grants, "territories", "update"),
    // The import wizard offers the entities the caller may import.
    imports: ["partners", "persons", "leads"].some((r) => can(grants, r, "import")),
  };
}
