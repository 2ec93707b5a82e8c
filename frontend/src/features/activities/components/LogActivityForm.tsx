import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { toastSuccess } from "../../../lib/toast";
import { createActivity, partnerPersonOptionsQuery, type ActivityOwner } from "../api/activities";
import { ACTIVITY_KINDS, fromLocalInput, toLocalInput } from "../model/activity";

const FIELDS = ["kind", "subject", "started_at", "duration_minutes", "description", "person_id"] as const;

interface Values {
  kind: string;
  subject: string;
  started_at: string;
  duration_minutes: number | string;
  description: string;
  person_id: string | null;
}

const initial = (): Values => ({ kind: "call", subject: "", started_at: toLocalInput(new Date()), duration_minutes: 15, description: "", person_id: null });

/** The quick "log activity" form above a timeline. */
export function LogActivityForm({ owner }: { owner: ActivityOwner }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: initial() });
  const persons = useQuery({ ...partnerPersonOptionsQuery(owner.partner_id ?? ""), enabled: Boolean(owner.partner_id) });
  const submit = async (v: Values) => {
    setGeneral(null);
    try {
      await createActivity({
        ...owner,
        kind: v.kind,
        subject: v.subject.trim(),
        started_at: fromLocalInput(v.started_at),
        duration_minutes: typeof v.duration_minutes === "number" ? v.duration_minutes : null,
        description: v.description.trim() || null,
        ...(v.person_id ? { person_id: v.person_id } : {}),
      });
      toastSuccess(t("activities.logged"));
      form.setValues(initial());
      await qc.invalidateQueries({ queryKey: ["activities"] });
    } catch (err) {
      const r = problemToForm(t, err, FIELDS);
      form.setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  };
  return (
    <Paper withBorder p="md">
      <form aria-label={t("activities.log")} onSubmit={form.onSubmit((v) => void submit(v))}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t("fields.kind")}
              data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activities.kinds.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps("kind")}
            />
            <TextInput label={t("activities.start")} type="datetime-local" required {...form.getInputProps("started_at")} />
            <NumberInput label={t("activities.duration")} min={0} max={10080} {...form.getInputProps("duration_minutes")} />
          </SimpleGrid>
          <TextInput label={t("activities.subject")} required maxLength={300} {...form.getInputProps("subject")} />
          {owner.partner_id && (
            <Select label={t("activities.person")} data={persons.data ?? []} clearable searchable {...form.getInputProps("person_id")} />
          )}
          <Textarea label={t("fields.description")} autosize minRows={2} {...form.getInputProps("description")} />
          <FormError message={general} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t("activities.log")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
