import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { useAuth } from "../../lib/auth/auth-context";
import { allowedNav, type NavKey } from "../../lib/permissions";

/** A screen the menu would not offer shows a polite refusal instead (the API would answer 403 anyway). */
export function RequireNav({ nav }: { nav: NavKey }) {
  const { t } = useTranslation();
  const { grants } = useAuth();
  if (!allowedNav(grants)[nav]) {
    return (
      <Alert color="yellow" title={t("common.forbiddenTitle")}>
        {t("common.forbidden")}
      </Alert>
    );
  }
  return <Outlet />;
}
