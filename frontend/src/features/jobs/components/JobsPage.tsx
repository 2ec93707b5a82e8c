import { Badge, Button, Group, Select, Stack, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LiveList, useLiveKeysetList } from "../../../components/LiveList";
import type { Job } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { cancelJob, JOBS_KEY, listJobs, retryJob } from "../api/jobs";
import { canCancelJob, canRetryJob, isJobActive, JOB_STATUSES, jobStatusColor } from "../model/jobs";
import { JobProgress } from "./JobProgress";

/** Background jobs for administrators: what ran, what failed and why; retry and cancel. */
export default function JobsPage() {
  const { t, i18n } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [kind, setKind] = useState("");
  const [debouncedKind] = useDebouncedValue(kind, 300);
  const list = useLiveKeysetList([...JOBS_KEY, status, debouncedKind], (p) => listJobs({ ...p, status, kind: debouncedKind }), isJobActive);
  const mayUpdate = can(grants, "jobs", "update");
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      toastSuccess(done);
    } catch (err) {
      toastError(errorMessage(t, err));
    }
    await qc.invalidateQueries({ queryKey: JOBS_KEY });
  };
  const lang = i18n.language;
  return (
    <Stack>
      <Title order={2}>{t("jobs.title")}</Title>
      <Group align="flex-end">
        <Select
          label={t("fields.status")}
          placeholder={t("jobs.allStatuses")}
          data={JOB_STATUSES.map((s) => ({ value: s, label: t(`jobs.statuses.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={200}
        />
        <TextInput label={t("fields.kind")} placeholder="email.send" value={kind} onChange={(e) => setKind(e.currentTarget.value)} w={220} />
      </Group>
      <LiveList
        list={list}
        caption={t("jobs.title")}
        emptyText={t("jobs.empty")}
        getRowId={(j) => j.id}
        columns={[
          { key: "kind", header: t("fields.kind"), render: (j) => <code>{j.kind}</code> },
          {
            key: "status",
            header: t("fields.status"),
            render: (j) => (
              <Badge color={jobStatusColor(j.status)} variant="light" data-testid="job-status">
                {t(`jobs.statuses.${j.status}`, { defaultValue: j.status })}
              </Badge>
            ),
          },
          { key: "progress", header: t("jobs.progress"), render: (j) => <JobProgress job={j} /> },
          { key: "attempts", header: t("jobs.attempts"), render: (j) => `${j.attempts} / ${j.max_attempts}` },
          {
            key: "last_error",
            header: t("jobs.lastError"),
            render: (j) =>
              j.last_error ? (
                <Tooltip label={j.last_error} multiline w={400}>
                  <Text size="xs" c="red" lineClamp={2} maw={260}>
                    {j.last_error}
                  </Text>
                </Tooltip>
              ) : (
                "—"
              ),
          },
          { key: "run_at", header: t("jobs.runAt"), render: (j) => formatDateTime(j.run_at, lang) },
          { key: "finished_at", header: t("jobs.finishedAt"), render: (j) => formatDateTime(j.finished_at, lang) || "—" },
          {
            key: "actions",
            header: t("common.actions"),
            render: (j: Job) =>
              mayUpdate ? (
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="light" disabled={!canRetryJob(j)} onClick={() => void act(() => retryJob(j.id), t("jobs.retried"))}>
                    {t("jobs.retry")}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="red"
                    disabled={!canCancelJob(j)}
                    onClick={() => void act(() => cancelJob(j.id), t("jobs.cancelled"))}
                  >
                    {t("jobs.cancel")}
                  </Button>
                </Group>
              ) : null,
          },
        ]}
      />
    </Stack>
  );
}
