import { Button, Group, Paper, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { toastSuccess } from "../../../lib/toast";
import { fromLocalInput, toLocalInput } from "../../activities/model/activity";
import { PartnerSelect } from "../../persons/components/PartnerSelect";
import { createDeadline } from "../api/deadlines";

const FIELDS = ["title", "due_at", "partner_id"] as const;

interface Values {
  title: string;
  due_at: string;
  partner_id: string | null;
}

// A new task is due in an hour unless the user says otherwise.
const initial = (): Values => ({ title: "", due_at: toLocalInput(new Date(Date.now() + 3_600_000)), partner_id: null });

/** Create a task: a title and a due time that alarms (optionally about a partner). */
export function NewTaskForm() {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: initial(),
    validate: {
      title: (v) => (v.trim() ? null : t("errors.fields.required")),
      due_at: (v) => (fromLocalInput(v) ? null : t("errors.fields.expected_datetime")),
    },
  });
  const submit = async (v: Values) => {
    setGeneral(null);
    try {
      await createDeadline({ title: v.title.trim(), due_at: fromLocalInput(v.due_at) ?? "", ...(v.partner_id ? { partner_id: v.partner_id } : {}) });
      toastSuccess(t("tasks.created"));
      form.setValues(initial());
      await qc.invalidateQueries({ queryKey: ["deadlines"] });
    } catch (err) {
      const r = problemToForm(t, err, FIELDS);
      form.setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  };
  return (
    <Paper withBorder p="md">
      <form aria-label={t("tasks.new")} onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: can(grants, "partners", "read") ? 3 : 2 }}>
            <TextInput label={t("tasks.taskTitle")} required maxLength={300} {...form.getInputProps("title")} />
            <TextInput label={t("tasks.dueAt")} type="datetime-local" required {...form.getInputProps("due_at")} />
            {can(grants, "partners", "read") && <PartnerSelect label={t("fields.partner_id")} {...form.getInputProps("partner_id")} />}
          </SimpleGrid>
          <FormError message={general} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t("tasks.add")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
