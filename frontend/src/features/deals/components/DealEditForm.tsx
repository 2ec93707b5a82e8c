import { Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { FormError, useRecordSave } from "../../../components/RecordForm";
import { fetchDeal, updateDeal } from "../api/deals";
import type { Deal } from "../model/types";
import { dealToValues, toDealBody, type DealValues } from "../model/values";
import { DealFormFields } from "./DealFormFields";

/**
 * Edits a deal with If-Match: a 412 opens the conflict dialog (reload or overwrite); read-only without `canEdit`.
 * Render it with a key of id and version, so a saved or reloaded version starts a fresh form.
 */
export function DealEditForm({ deal, onRecord, canEdit, canAssign }: { deal: Deal; onRecord: (d: Deal) => void; canEdit: boolean; canAssign: boolean }) {
  const { t } = useTranslation();
  const form = useForm<DealValues>({ initialValues: dealToValues(deal) });
  const save = useRecordSave<Deal, DealValues>({
    record: deal,
    toValues: dealToValues,
    save: (changes, version) => updateDeal(deal, toDealBody(changes, deal.currency), version),
    fetchLatest: () => fetchDeal(deal.id),
    onRecord,
    setFieldErrors: form.setErrors,
    label: (f) => t(`deals.fields.${f}`),
  });
  return (
    <form onSubmit={form.onSubmit((v) => void save.submit(v))} noValidate aria-label={t("deals.editTitle")}>
      <Stack>
        <FormError message={save.formError} />
        <DealFormFields form={form} disabled={!canEdit} canAssign={canAssign} />
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.saving} disabled={!form.isDirty()}>
              {t("common.save")}
            </Button>
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
              {t("form.discard")}
            </Button>
          </Group>
        )}
      </Stack>
      {save.conflictDialog}
    </form>
  );
}
