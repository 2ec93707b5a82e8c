import { Alert, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/RecordForm";
import { ErrorState, LoadingState } from "../../../components/states";
import { errorMessage } from "../../../lib/errors";
import { setOwnerBulk } from "../api/bulk";
import { unassignedQuery } from "../api/partners";
import { HandOverBar } from "./HandOverBar";
import { PartnersByOwner } from "./PartnersByOwner";
import { SelectablePartners } from "./SelectablePartners";

/** For managers: hand unassigned partners (or another rep's) to a sales rep, optionally locked. */
export default function ReassignPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const unassigned = useQuery(unassignedQuery);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<number | null>(null);
  const toggle = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const submit = async (ownerId: string, lock: boolean) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await setOwnerBulk([...selected], ownerId, lock);
      setResult(r.changed);
      setSelected(new Set());
      await qc.invalidateQueries({ queryKey: ["assignment"] });
      void qc.invalidateQueries({ queryKey: ["list", "partners"] });
      void qc.invalidateQueries({ queryKey: ["partners"] });
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Title order={2}>{t("assignment.reassign.title")}</Title>
      <Text c="dimmed" size="sm">
        {t("assignment.reassign.intro")}
      </Text>
      <FormError message={error} />
      {result !== null && (
        <Alert color="green" data-testid="reassign-result" withCloseButton onClose={() => setResult(null)}>
          {t("assignment.reassign.done", { n: result })}
        </Alert>
      )}
      <HandOverBar count={selected.size} busy={busy} onSubmit={(o, l) => void submit(o, l)} />
      <Title order={4}>{t("assignment.reassign.unassignedTitle")}</Title>
      {unassigned.isPending ? (
        <LoadingState />
      ) : unassigned.isError ? (
        <ErrorState error={unassigned.error} onRetry={() => void unassigned.refetch()} />
      ) : (
        <SelectablePartners label={t("assignment.reassign.unassignedTitle")} partners={unassigned.data} selected={selected} onToggle={toggle} />
      )}
      <PartnersByOwner selected={selected} onToggle={toggle} />
    </Stack>
  );
}
