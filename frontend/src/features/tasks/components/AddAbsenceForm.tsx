import { Button, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { toastSuccess } from "../../../lib/toast";
import { createAbsence } from "../api/absences";
import { deputyOptionsQuery } from "../api/deputy-options";
import { absenceRangeError } from "../model/due";

const FIELDS = ["starts_on", "ends_on", "deputy_id", "note"] as const;

interface Values {
  starts_on: string;
  ends_on: string;
  deputy_id: string | null;
  note: string;
}

const initial: Values = { starts_on: "", ends_on: "", deputy_id: null, note: "" };

/** Announce an absence: from, to, and who gets the alarms meanwhile. */
export function AddAbsenceForm() {
  const { t } = useTranslation();
  const { grants, user } = useAuth();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  // Without users:read there is no list to choose from; the server then uses each partner's deputy owner.
  const mayPick = can(grants, "users", "read");
  const deputies = useQuery({ ...deputyOptionsQuery, enabled: mayPick });
  const form = useForm<Values>({
    initialValues: initial,
    validate: {
      starts_on: (v) => (v ? null : t("errors.fields.required")),
      ends_on: (v, all) => {
        const e = absenceRangeError(all.starts_on, v);
        return e === "required" ? (v ? null : t("errors.fields.required")) : e ? t("tasks.absences.endBeforeStart") : null;
      },
    },
  });
  const submit = async (v: Values) => {
    setGeneral(null);
    try {
      await createAbsence({ starts_on: v.starts_on, ends_on: v.ends_on, deputy_id: v.deputy_id, note: v.note.trim() || null });
      toastSuccess(t("tasks.absences.added"));
      form.setValues(initial);
      await qc.invalidateQueries({ queryKey: ["absences"] });
    } catch (err) {
      const r = problemToForm(t, err, FIELDS);
      form.setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  };
  return (
    <form aria-label={t("tasks.absences.add")} onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("tasks.absences.from")} type="date" required {...form.getInputProps("starts_on")} />
          <TextInput label={t("tasks.absences.to")} type="date" required {...form.getInputProps("ends_on")} />
          {mayPick && (
            <Select
              label={t("tasks.absences.deputy")}
              description={t("tasks.absences.deputyHint")}
              data={(deputies.data ?? []).filter((o) => o.value !== user?.id)}
              searchable
              clearable
              {...form.getInputProps("deputy_id")}
            />
          )}
          <TextInput label={t("fields.notes")} maxLength={500} {...form.getInputProps("note")} />
        </SimpleGrid>
        <FormError message={general} />
        <Group>
          <Button type="submit" variant="light" loading={form.submitting}>
            {t("tasks.absences.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
