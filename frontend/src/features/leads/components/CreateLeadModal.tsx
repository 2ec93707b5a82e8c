import { Button, Group, Modal, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { customFieldsForCreate, useCustomFieldDefs } from "../../../components/CustomFields";
import { FormError, problemToForm } from "../../../components/RecordForm";
import type { Lead } from "../../../lib/api/types";
import { toastSuccess } from "../../../lib/toast";
import { createLead } from "../api/leads";
import { emptyLeadValues, toLeadBody, type LeadValues } from "../model/values";
import { LeadFormFields } from "./LeadFormFields";

/** Render only while open: the form starts empty every time. */
export function CreateLeadModal({ onClose, onCreated }: { onClose: () => void; onCreated: (l: Lead) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<LeadValues>({ initialValues: emptyLeadValues() });
  const customDefs = useCustomFieldDefs("leads");
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const lead = await createLead({ ...toLeadBody(values), custom_fields: customFieldsForCreate(customDefs, values.custom_fields) });
      toastSuccess(t("leads.created"));
      await qc.invalidateQueries({ queryKey: ["list", "leads"] });
      onCreated(lead);
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, Object.keys(values));
      form.setErrors(fieldErrors);
      setError(general);
    }
  });
  return (
    <Modal opened onClose={onClose} title={t("leads.new")} size="lg" centered>
      <form onSubmit={submit} noValidate aria-label={t("leads.new")}>
        <Stack>
          <FormError message={error} />
          <LeadFormFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
