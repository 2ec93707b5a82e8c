import { Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../../../components/states";
import { toastSuccess } from "../../../lib/toast";
import { applyRules, rulesKey, rulesQuery } from "../api/rules";
import { rowsToInput, type RuleRow } from "../model/rules";
import { ApplyProgress } from "./ApplyProgress";
import { RulesEditor } from "./RulesEditor";
import { useReassignJob } from "./useReassignJob";

/** The assignment table: territory x partner group -> sales reps, previewed and applied as a whole. */
export default function RulesPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const rules = useQuery(rulesQuery);
  const [jobId, setJobId] = useState<string | null>(null);
  const reassign = useReassignJob(jobId);

  const apply = async (rows: RuleRow[]) => {
    const applied = await applyRules(rowsToInput(rows));
    qc.setQueryData(rulesKey, applied.rules);
    setJobId(applied.job_id);
    toastSuccess(t("assignment.applied"));
  };

  return (
    <Stack>
      <Title order={2}>{t("assignment.rulesTitle")}</Title>
      <Text c="dimmed" size="sm">
        {t("assignment.rulesIntro")}
      </Text>
      {jobId && <ApplyProgress job={reassign.job} />}
      {rules.isPending ? (
        <LoadingState />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        // A new table from the server (applied, or reloaded after the job) starts a fresh edit.
        <RulesEditor key={rules.dataUpdatedAt} rules={rules.data} jobActive={reassign.active} onApply={apply} />
      )}
    </Stack>
  );
}
