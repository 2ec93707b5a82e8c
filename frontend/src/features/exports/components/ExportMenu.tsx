import { Button, Menu } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ExportFormat } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { can } from "../../../lib/permissions";
import { toastError } from "../../../lib/toast";
import { downloadExport } from "../api/export";
import type { ExportRequest } from "../model/export";

/** "Export" with CSV and Excel: the list as it is filtered now. Hidden without the `export` grant. */
export function ExportMenu({ request }: { request: ExportRequest }) {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const [busy, setBusy] = useState(false);
  if (!can(grants, request.entity, "export")) return null;
  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      await downloadExport(request, format);
    } catch (err) {
      toastError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={busy} data-testid="export-menu">
          {t("exports.button")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void run("csv")} data-testid="export-csv">
          {t("exports.csv")}
        </Menu.Item>
        <Menu.Item onClick={() => void run("xlsx")} data-testid="export-xlsx">
          {t("exports.xlsx")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
