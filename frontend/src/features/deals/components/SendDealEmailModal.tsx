import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { toastSuccess } from "../../../lib/toast";
import { sendDealEmail, timelineKey } from "../api/deals";
import { partnerPersonsQuery, templateOptionsQuery } from "../api/options";
import type { Deal } from "../model/types";

const FIELDS = ["template_key", "person_id", "to", "language"];
const LANGUAGES = ["en", "hr", "pl", "ro"] as const;

interface Values {
  template_key: string | null;
  person_id: string | null;
  to: string;
  language: string | null;
}

/** An email from a template to a person of the deal (or given addresses); queued, then on the deal's timeline. */
export function SendDealEmailModal({ deal, onClose }: { deal: Deal; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const templates = useQuery(templateOptionsQuery);
  const persons = useQuery(partnerPersonsQuery(deal.partner_id));
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { template_key: null, person_id: deal.person_ids[0] ?? null, to: "", language: null },
    validate: {
      template_key: (v) => (v ? null : t("errors.fields.required")),
      to: (v, all) => (all.person_id || v.trim() ? null : t("deals.email.recipientNeeded")),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    const to = v.to
      .split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      await sendDealEmail(deal.id, {
        template_key: v.template_key ?? "",
        ...(v.person_id ? { person_id: v.person_id } : {}),
        ...(to.length ? { to } : {}),
        ...(v.language ? { language: v.language } : {}),
      });
      toastSuccess(t("deals.email.queued"));
      void qc.invalidateQueries({ queryKey: timelineKey(deal.id) });
      onClose();
    } catch (err) {
      const r = problemToForm(t, err, FIELDS);
      form.setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  });
  return (
    <Modal opened onClose={onClose} title={t("deals.email.title")} centered size="lg">
      <form onSubmit={submit} noValidate aria-label={t("deals.email.title")}>
        <Stack>
          <FormError message={general} />
          <Select label={t("deals.email.template")} required searchable data={templates.data ?? []} data-autofocus {...form.getInputProps("template_key")} />
          <Select label={t("deals.email.person")} clearable data={persons.data ?? []} {...form.getInputProps("person_id")} />
          <TextInput label={t("deals.email.to")} description={t("deals.email.toHint")} {...form.getInputProps("to")} />
          <Select
            label={t("deals.email.language")}
            placeholder={t("deals.email.languageDefault")}
            clearable
            data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
            {...form.getInputProps("language")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("deals.email.send")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
