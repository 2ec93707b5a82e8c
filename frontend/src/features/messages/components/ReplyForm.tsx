import { Button, Group, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import type { Message } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { toastSuccess } from "../../../lib/toast";
import { MESSAGES_KEY, sendMessage } from "../api/messages";
import { replyBody } from "../model/mailbox";

const FIELDS = ["body"] as const;

/** Answer the thread: it goes to everyone in the conversation, under the same subject. */
export function ReplyForm({ thread }: { thread: readonly Message[] }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    initialValues: { body: "" },
    validate: { body: (v) => (v.trim() ? null : t("errors.fields.required")) },
  });
  const submit = form.onSubmit(async (v) => {
    const body = replyBody(thread, user?.id, v.body);
    if (!body) return;
    setGeneral(null);
    try {
      await sendMessage(body);
      toastSuccess(t("messages.sent"));
      form.reset();
      await qc.invalidateQueries({ queryKey: MESSAGES_KEY });
    } catch (err) {
      const r = problemToForm(t, err, FIELDS);
      form.setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t("messages.reply")}>
      <Stack gap="sm">
        <FormError message={general} />
        <Textarea label={t("messages.reply")} required autosize minRows={3} maxLength={20000} {...form.getInputProps("body")} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t("messages.sendReply")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
