import { Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { conflictFormat, customFieldsPatchBody, useCustomFieldDefs, useDisplayWords } from "../../../components/CustomFields";
import { FormError, useRecordSave } from "../../../components/RecordForm";
import type { Lead } from "../../../lib/api/types";
import { fetchLead, updateLead } from "../api/leads";
import { leadToValues, toLeadBody, type LeadValues } from "../model/values";
import { LeadFormFields } from "./LeadFormFields";

/** Edits a lead with If-Match (412 -> the conflict dialog); read-only when `canEdit` is false. */
export function LeadEditForm({ lead, onRecord, canEdit }: { lead: Lead; onRecord: (l: Lead) => void; canEdit: boolean }) {
  const { t } = useTranslation();
  const form = useForm<LeadValues>({ initialValues: leadToValues(lead) });
  const customDefs = useCustomFieldDefs("leads");
  const words = useDisplayWords();
  const save = useRecordSave<Lead, LeadValues>({
    record: lead,
    toValues: leadToValues,
    save: (changes, version) =>
      updateLead(lead, { ...toLeadBody(changes), ...customFieldsPatchBody(customDefs, lead.custom_fields, changes.custom_fields) }, version),
    fetchLatest: () => fetchLead(lead.id),
    onRecord,
    setFieldErrors: form.setErrors,
    label: (f) => (f === "custom_fields" ? t("fields.custom_fields") : t(`leads.fields.${f}`)),
    format: conflictFormat(customDefs, words),
  });
  useEffect(() => {
    form.setValues(leadToValues(lead));
    form.resetDirty(leadToValues(lead));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lead.version, lead.id]);
  return (
    <form onSubmit={form.onSubmit((v) => void save.submit(v))} noValidate aria-label={t("leads.editTitle")}>
      <Stack>
        <FormError message={save.formError} />
        <LeadFormFields form={form} disabled={!canEdit} withStatus />
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
