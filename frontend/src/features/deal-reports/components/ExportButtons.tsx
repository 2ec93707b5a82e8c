import { Button, Group } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../lib/errors";
import { toastError } from "../../../lib/toast";
import { downloadReport, type DealReport } from "../api/deal-reports";
import type { ExportFormat, ReportQuery } from "../model/types";

/** "Export CSV" and "Export Excel": the report as filtered now, as a file. */
export function ExportButtons({ report, query }: { report: DealReport; query: ReportQuery | null }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    if (!query) return;
    setBusy(format);
    try {
      await downloadReport(report, query, format);
    } catch (err) {
      toastError(errorMessage(t, err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="xs">
      <Button variant="default" size="xs" disabled={!query} loading={busy === "csv"} onClick={() => void run("csv")} data-testid={`${report}-export-csv`}>
        {t("dealReports.exportCsv")}
      </Button>
      <Button variant="default" size="xs" disabled={!query} loading={busy === "xlsx"} onClick={() => void run("xlsx")} data-testid={`${report}-export-xlsx`}>
        {t("dealReports.exportXlsx")}
      </Button>
    </Group>
  );
}
