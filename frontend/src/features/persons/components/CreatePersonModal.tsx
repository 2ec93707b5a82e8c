import { Button, Group, Modal, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { customFieldsForCreate, useCustomFieldDefs } from "../../../components/CustomFields";
import { FormError, problemToForm } from "../../../components/RecordForm";
import type { Person } from "../../../lib/api/types";
import { toastSuccess } from "../../../lib/toast";
import { createPerson } from "../api/persons";
import { emptyPersonValues, toCreateBody } from "../model/values";
import { PersonFormFields } from "./PersonFormFields";
import { usePersonForm } from "./usePersonForm";

interface Props {
  onClose: () => void;
  onCreated: (p: Person) => void;
  /** Prefills the partner (adding a person from the partner page). */
  partnerId?: string | null;
}

/** Render only while open: the form starts empty (or with the partner) every time. */
export function CreatePersonModal({ onClose, onCreated, partnerId = null }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [base] = useState(() => emptyPersonValues(partnerId));
  const form = usePersonForm(base);
  const customDefs = useCustomFieldDefs("persons");
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const person = await createPerson({ ...toCreateBody(values), custom_fields: customFieldsForCreate(customDefs, values.custom_fields) });
      toastSuccess(t("persons.created"));
      await qc.invalidateQueries({ queryKey: ["list", "persons"] });
      onCreated(person);
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, Object.keys(values));
      form.setErrors(fieldErrors);
      setError(general);
    }
  });
  return (
    <Modal opened onClose={onClose} title={t("persons.new")} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError message={error} />
          <PersonFormFields form={form} base={base} />
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
