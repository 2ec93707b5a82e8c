import { Button, Group, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { conflictFormat, customFieldsPatchBody, CustomFieldValues, useCustomFieldDefs, useDisplayWords } from "../../../components/CustomFields";
import { FormError, useRecordSave } from "../../../components/RecordForm";
import type { Partner } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { formatDateTime } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { fetchPartner, updatePartner } from "../api/partners";
import { partnerToValues, toPatchBody, type PartnerValues } from "../model/values";
import { PartnerActions } from "./PartnerActions";
import { PartnerFormFields } from "./PartnerFormFields";
import type { PartnerTabContext } from "./tabs";

/** The details tab: the whole record, saved with If-Match (412 -> the conflict dialog); delete to trash. */
export function PartnerDetailsTab({ partner, onRecord, onDeleted }: PartnerTabContext) {
  const { t, i18n } = useTranslation();
  const { grants } = useAuth();
  const canEdit = can(grants, "partners", "update") && !partner.deleted_at;
  const customDefs = useCustomFieldDefs("partners");
  const words = useDisplayWords();
  const form = useForm<PartnerValues>({ initialValues: partnerToValues(partner) });
  const save = useRecordSave<Partner, PartnerValues>({
    record: partner,
    toValues: partnerToValues,
    save: (changes, version) =>
      updatePartner(partner, { ...toPatchBody(changes), ...customFieldsPatchBody(customDefs, partner.custom_fields, changes.custom_fields) }, version),
    fetchLatest: () => fetchPartner(partner.id),
    onRecord,
    setFieldErrors: form.setErrors,
    label: (f) => t(`fields.${f}`),
    format: conflictFormat(customDefs, words),
  });
  // A new version of the record (saved, reloaded) becomes the form's starting point.
  useEffect(() => {
    form.setValues(partnerToValues(partner));
    form.resetDirty(partnerToValues(partner));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [partner.version, partner.id]);

  return (
    <form onSubmit={form.onSubmit((v) => void save.submit(v))} noValidate aria-label={t("partners.tabs.details")}>
      <Stack maw={900}>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t("fields.created_at")}: {formatDateTime(partner.created_at, i18n.language)} · {t("fields.updated_at")}:{" "}
            {formatDateTime(partner.updated_at, i18n.language)}
          </Text>
          <PartnerActions partner={partner} onRecord={onRecord} onDeleted={onDeleted} />
        </Group>
        <CustomFieldValues defs={customDefs} values={partner.custom_fields} />
        <FormError message={save.formError} />
        <PartnerFormFields form={form} disabled={!canEdit} />
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
