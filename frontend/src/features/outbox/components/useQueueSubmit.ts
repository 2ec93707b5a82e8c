import type { UseFormReturnType } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemToForm } from "../../../components/RecordForm";
import { toastSuccess } from "../../../lib/toast";
import { OUTBOX_KEY } from "../api/emails";

/**
 * The submit of a form that queues mail (an email, a fax): send, confirm, reset and close, refresh
 * the outbox; a refusal goes onto the form's fields, or above them when it names none.
 */
export function useQueueSubmit<V extends Record<string, unknown>>(
  form: UseFormReturnType<V>,
  fields: readonly string[],
  send: (values: V) => Promise<unknown>,
  queuedMessage: string,
  onClose: () => void,
) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    try {
      await send(v);
      toastSuccess(queuedMessage);
      form.reset();
      onClose();
      await qc.invalidateQueries({ queryKey: OUTBOX_KEY });
    } catch (err) {
      const r = problemToForm(t, err, fields);
      form.setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  });
  return { general, submit };
}
