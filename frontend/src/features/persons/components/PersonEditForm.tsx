import { Button, Group, Stack } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { conflictFormat, customFieldsPatchBody, useCustomFieldDefs, useDisplayWords } from "../../../components/CustomFields";
import { FormError, useRecordSave } from "../../../components/RecordForm";
import type { Person } from "../../../lib/api/types";
import { fetchPerson, updatePerson } from "../api/persons";
import { personToValues, toPatchBody, type PersonValues } from "../model/values";
import { PersonFormFields } from "./PersonFormFields";
import { usePersonForm } from "./usePersonForm";

export function PersonEditForm({ person, onRecord, canEdit }: { person: Person; onRecord: (p: Person) => void; canEdit: boolean }) {
  const { t } = useTranslation();
  const base = personToValues(person);
  const form = usePersonForm(base);
  const customDefs = useCustomFieldDefs("persons");
  const words = useDisplayWords();
  const save = useRecordSave<Person, PersonValues>({
    record: person,
    toValues: personToValues,
    save: (changes, version) =>
      updatePerson(
        person,
        { ...toPatchBody(changes, form.getValues()), ...customFieldsPatchBody(customDefs, person.custom_fields, changes.custom_fields) },
        version,
      ),
    fetchLatest: () => fetchPerson(person.id),
    onRecord,
    setFieldErrors: form.setErrors,
    label: (f) => t(`fields.${f}`),
    format: conflictFormat(customDefs, words),
  });
  // A new version of the record (saved, reloaded) becomes the form's starting point.
  useEffect(() => {
    form.setValues(personToValues(person));
    form.resetDirty(personToValues(person));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [person.version, person.id]);
  return (
    <form onSubmit={form.onSubmit((v) => void save.submit(v))} noValidate aria-label={t("persons.editTitle")}>
      <Stack>
        <FormError message={save.formError} />
        <PersonFormFields form={form} base={base} consentAt={person.consent_at} disabled={!canEdit} />
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
