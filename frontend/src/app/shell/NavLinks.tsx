import { NavLink, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { UnreadMessagesBadge } from "../../features/messages/components/UnreadMessagesBadge";
import { useAuth } from "../../lib/auth/auth-context";
import { allowedNav, type NavKey } from "../../lib/permissions";

interface Entry {
  key: NavKey;
  to: string;
  /** Shown at the entry's right, e.g. an unread count. */
  badge?: ReactNode;
  /** The label's translation key when it is not `nav.<key>`. */
  label?: string;
}

// Day-to-day work first, then the administration screens.
const WORK: Entry[] = [
  { key: "messages", to: "/messages", badge: <UnreadMessagesBadge /> },
  { key: "tasks", to: "/tasks" },
  { key: "partners", to: "/partners" },
  { key: "reassign", to: "/partners/reassign" },
  { key: "persons", to: "/persons" },
  { key: "leads", to: "/leads" },
  { key: "deals", to: "/deals" },
  { key: "reports", to: "/reports/contact-cost" },
  { key: "assignment_reports", to: "/reports/assignment" },
  { key: "deal_reports", to: "/reports/deals", label: "dealReports.nav" },
  { key: "outbox", to: "/outbox" },
  { key: "email_templates", to: "/email-templates" },
  { key: "imports", to: "/imports" },
];
const ADMIN: Entry[] = [
  { key: "users", to: "/users" },
  { key: "roles", to: "/roles" },
  { key: "teams", to: "/teams" },
  { key: "lists", to: "/admin/lists" },
  { key: "custom_fields", to: "/admin/custom-fields" },
  { key: "territories", to: "/admin/territories" },
  { key: "assignment_rules", to: "/admin/assignment-rules" },
  { key: "deal_types", to: "/admin/deal-types", label: "dealAdmin.nav.dealTypes" },
  { key: "products", to: "/admin/products", label: "dealAdmin.nav.products" },
  { key: "exchange_rates", to: "/admin/exchange-rates", label: "dealAdmin.nav.exchangeRates" },
  { key: "api_keys", to: "/api-keys" },
  { key: "history", to: "/history" },
  { key: "announcements", to: "/admin/announcements" },
  { key: "jobs", to: "/admin/jobs" },
];

/** Whether an entry is the current screen: exactly, or a page under it that no other entry names exactly. */
function isActive(to: string, pathname: string, search: string): boolean {
  const here = `${pathname}${search}`;
  if (to.includes("?")) return here === to;
  if ([...WORK, ...ADMIN].some((e) => e.to !== to && e.to === here)) return false;
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** The main menu: only the entries the user's grants allow. */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const { pathname, search } = useLocation();
  const allowed = allowedNav(grants);
  const link = (e: Entry) => (
    <NavLink
      key={e.key}
      component={Link}
      to={e.to}
      label={t(e.label ?? `nav.${e.key}`)}
      rightSection={e.badge}
      active={isActive(e.to, pathname, search)}
      onClick={onNavigate}
      data-testid={`nav-${e.key}`}
    />
  );
  const work = WORK.filter((e) => allowed[e.key]);
  const admin = ADMIN.filter((e) => allowed[e.key]);
  return (
    <Stack gap={2} component="nav" aria-label={t("shell.mainNav")}>
      <NavLink component={Link} to="/" label={t("nav.home")} active={pathname === "/"} onClick={onNavigate} />
      {work.map(link)}
      {admin.length > 0 && (
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="sm" px="sm" aria-hidden>
          {t("nav.adminSection")}
        </Text>
      )}
      {admin.map(link)}
    </Stack>
  );
}
