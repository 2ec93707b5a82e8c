import { Alert, Button, Group, List, Modal, Select, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/RecordForm";
import type { MergeResult, Partner } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { mergeCandidatesQuery, mergePartner } from "../api/merge";

interface Props {
  /** The partner that stays. */
  partner: Partner;
  /** The duplicate already chosen (merging from the duplicate warning); the user still confirms. */
  preselected?: { id: string; label: string };
  onClose: () => void;
  onMerged: (r: MergeResult) => void;
}

/** Pick a duplicate, confirm, merge it into `partner`, then show what moved. */
export function MergePartnerModal({ partner, preselected, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [duplicateId, setDuplicateId] = useState<string | null>(preselected?.id ?? null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MergeResult | null>(null);
  const options = useQuery(mergeCandidatesQuery(debounced, partner.id));
  // The preselected duplicate stays among the options even when the search does not list it.
  const data = [...(preselected ? [{ value: preselected.id, label: preselected.label }] : []), ...(options.data ?? []).filter((o) => o.value !== preselected?.id)];
  const label = data.find((o) => o.value === duplicateId)?.label ?? "";
  const merge = async () => {
    if (!duplicateId) return;
    setBusy(true);
    setError(null);
    try {
      const r = await mergePartner(partner.id, duplicateId);
      setResult(r);
      onMerged(r);
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t("partners.merge.title")} centered>
      <Stack>
        <FormError message={error} />
        {result ? (
          <Alert color="green" title={t("partners.merge.done")} data-testid="merge-result">
            <List size="sm">
              <List.Item>{t("partners.merge.movedBranches", { count: result.moved_branches })}</List.Item>
              <List.Item>{t("partners.merge.movedPersons", { count: result.moved_persons })}</List.Item>
              <List.Item>{t("partners.merge.movedActivities", { count: result.moved_activities })}</List.Item>
            </List>
          </Alert>
        ) : (
          <>
            <Select
              label={t("partners.merge.duplicate")}
              data={data}
              value={duplicateId}
              onChange={(v) => {
                setDuplicateId(v);
                setConfirming(false);
              }}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options: all }) => all}
            />
            {confirming && (
              <Alert color="red" title={t("partners.merge.confirmTitle")}>
                {t("partners.merge.confirm", { duplicate: label, name: partner.name })}
              </Alert>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {result ? t("common.close") : t("common.cancel")}
          </Button>
          {!result &&
            (confirming ? (
              <Button color="red" loading={busy} onClick={() => void merge()}>
                {t("partners.merge.action")}
              </Button>
            ) : (
              <Button disabled={!duplicateId} onClick={() => setConfirming(true)}>
                {t("common.confirm")}
              </Button>
            ))}
        </Group>
      </Stack>
    </Modal>
  );
}
