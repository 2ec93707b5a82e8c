import { Anchor, Button, Group, Stack, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { customFieldsForCreate, useCustomFieldDefs } from "../../../components/CustomFields";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { toastSuccess } from "../../../lib/toast";
import { createPartner } from "../api/partners";
import { emptyPartnerValues, toCreateBody, type PartnerValues } from "../model/values";
import { DuplicateWarning } from "./DuplicateWarning";
import { PartnerFormFields } from "./PartnerFormFields";
import { useDuplicateCheck } from "./useDuplicateCheck";

export default function NewPartnerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<PartnerValues>({ initialValues: emptyPartnerValues });
  const dup = useDuplicateCheck();
  const customDefs = useCustomFieldDefs("partners");

  const save = async (values: PartnerValues, acceptedKey?: string | null) => {
    setError(null);
    setSaving(true);
    try {
      if (!(await dup.mayCreate(values, acceptedKey ?? undefined))) return;
      const partner = await createPartner({ ...toCreateBody(values), custom_fields: customFieldsForCreate(customDefs, values.custom_fields) });
      toastSuccess(t("partners.created"));
      void qc.invalidateQueries({ queryKey: ["list", "partners"] });
      navigate(`/partners/${partner.id}`, { replace: true });
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, Object.keys(values));
      form.setErrors(fieldErrors);
      setError(general);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/partners" size="sm">
        ← {t("partners.title")}
      </Anchor>
      <Title order={2}>{t("partners.new")}</Title>
      <form onSubmit={form.onSubmit((v) => void save(v))} noValidate aria-label={t("partners.new")}>
        <Stack>
          <FormError message={error} />
          <PartnerFormFields form={form} onIdentityBlur={() => void dup.check(form.getValues())} />
          {dup.duplicates && (
            <DuplicateWarning duplicates={dup.duplicates} busy={saving} onContinue={() => void save(form.getValues(), dup.accept())} />
          )}
          <Group>
            <Button type="submit" loading={saving}>
              {t("common.create")}
            </Button>
            <Button variant="default" component={Link} to="/partners">
              {t("common.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
