import { Button, Group, Paper, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useConfirm } from "../../../components/ConfirmDialog";
import { FormError, problemToForm } from "../../../components/RecordForm";
import type { EmailTemplate } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { toastError, toastSuccess } from "../../../lib/toast";
import { createTemplate, deleteTemplate, TEMPLATES_KEY, templateQueryKey, updateTemplate } from "../api/templates";
import { emptyTemplate, TEMPLATE_FIELDS, templateToValues, valuesToCreate, valuesToUpdate, type TemplateValues } from "../model/values";
import { TemplateFormFields } from "./TemplateFormFields";

interface Props {
  /** The saved template, or null for a new one. */
  template: EmailTemplate | null;
  canSave: boolean;
  canDelete: boolean;
}

/**
 * The create/edit form. The server checks the template syntax: a mistake comes back as a field error
 * (invalid_template on subject, html or text) carrying the engine's own message, shown on that field.
 */
export function TemplateEditor({ template, canSave, canDelete }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [confirm, confirmDialog] = useConfirm();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<TemplateValues>({
    initialValues: template ? templateToValues(template) : emptyTemplate(i18n.language),
    validate: {
      key: (v) => (v.trim() ? null : t("errors.fields.required")),
      name: (v) => (v.trim() ? null : t("errors.fields.required")),
      subject: (v) => (v.trim() ? null : t("errors.fields.required")),
      text: (v) => (v.trim() ? null : t("errors.fields.required")),
    },
  });
  const submit = async (v: TemplateValues) => {
    setGeneral(null);
    try {
      if (!template) {
        const created = await createTemplate(valuesToCreate(v));
        toastSuccess(t("templates.created"));
        await qc.invalidateQueries({ queryKey: TEMPLATES_KEY });
        navigate(`/email-templates/${created.id}`, { replace: true });
        return;
      }
      const patch = valuesToUpdate(template, v);
      if (Object.keys(patch).length === 0) return;
      const saved = await updateTemplate(template, patch);
      qc.setQueryData(templateQueryKey(saved.id), saved);
      form.resetDirty(templateToValues(saved));
      toastSuccess(t("templates.saved"));
      await qc.invalidateQueries({ queryKey: [...TEMPLATES_KEY, "list"] });
    } catch (err) {
      const r = problemToForm(t, err, TEMPLATE_FIELDS);
      form.setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  };
  const remove = async () => {
    if (!template) return;
    if (!(await confirm({ title: t("common.delete"), message: t("templates.deleteConfirm", { name: template.name }), danger: true, confirmLabel: t("common.delete") }))) return;
    try {
      await deleteTemplate(template);
      toastSuccess(t("templates.deleted"));
      await qc.invalidateQueries({ queryKey: TEMPLATES_KEY });
      navigate("/email-templates", { replace: true });
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  return (
    <Paper withBorder p="md">
      <form aria-label={t("templates.form")} onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
        <Stack>
          <FormError message={general} />
          <TemplateFormFields form={form} isNew={!template} readOnly={!canSave} />
          {(canSave || (template && canDelete)) && (
            <Group justify="space-between">
              {canSave ? (
                <Button type="submit" loading={form.submitting}>
                  {template ? t("common.save") : t("common.create")}
                </Button>
              ) : (
                <span />
              )}
              {template && canDelete && (
                <Button variant="light" color="red" onClick={() => void remove()}>
                  {t("common.delete")}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </form>
      {confirmDialog}
    </Paper>
  );
}
