import { NavLink, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useAuth } from "../../lib/auth/auth-context";
import { allowedNav, type NavKey } from "../../lib/permissions";

const ENTRIES: { key: NavKey; to: string }[] = [
  { key: "users", to: "/users" },
  { key: "roles", to: "/roles" },
  { key: "teams", to: "/teams" },
  { key: "api_keys", to: "/api-keys" },
  { key: "history", to: "/history" },
];

/** The main menu: only the entries the user's grants allow. */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const { pathname } = useLocation();
  const allowed = allowedNav(grants);
  return (
    <Stack gap={2} component="nav" aria-label={t("shell.mainNav")}>
      <NavLink component={Link} to="/" label={t("nav.home")} active={pathname === "/"} onClick={onNavigate} />
      {ENTRIES.filter((e) => allowed[e.key]).map((e) => (
        <NavLink
          key={e.key}
          component={Link}
          to={e.to}
          label={t(`nav.${e.key}`)}
          active={pathname.startsWith(e.to)}
          onClick={onNavigate}
          data-testid={`nav-${e.key}`}
        />
      ))}
    </Stack>
  );
}
