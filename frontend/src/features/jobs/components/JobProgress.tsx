import { Group, Progress, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Job } from "../../../lib/api/types";
import { formatNumber } from "../../../lib/format";
import { jobProgress } from "../model/jobs";

/** A progress bar with "done / total" for jobs that report progress; a dash otherwise. */
export function JobProgress({ job }: { job: Job }) {
  const { t, i18n } = useTranslation();
  const pct = jobProgress(job);
  if (pct === null) return <>—</>;
  const label = `${formatNumber(job.progress_done, i18n.language)} / ${formatNumber(job.progress_total, i18n.language)}`;
  return (
    <Group gap="xs" wrap="nowrap" miw={140}>
      <Progress value={pct} w={90} aria-label={t("jobs.progress")} animated={job.status === "running"} />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
