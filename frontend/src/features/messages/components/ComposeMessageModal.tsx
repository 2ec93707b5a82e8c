import { Button, Group, Modal, MultiSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { toastSuccess } from "../../../lib/toast";
import { userOptionsQuery } from "../../teams/api/user-options";
import { MESSAGES_KEY, sendMessage } from "../api/messages";
import { teamOptionsQuery } from "../api/team-options";
import { composeBody, hasRecipients, type ComposeValues } from "../model/mailbox";

const FIELDS = ["to_user_ids", "to_team_ids", "subject", "body"] as const;

const initial: ComposeValues = { to_user_ids: [], to_team_ids: [], subject: "", body: "" };

/** Write a new message to people and/or whole teams (their members and manager). */
export function ComposeMessageModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { grants, user } = useAuth();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const users = useQuery({ ...userOptionsQuery, enabled: opened });
  // Without teams:read the list would only be refused; sending to people still works.
  const mayPickTeams = can(grants, "teams", "read");
  const teams = useQuery({ ...teamOptionsQuery, enabled: opened && mayPickTeams });
  const form = useForm<ComposeValues>({
    initialValues: initial,
    validate: {
      to_user_ids: (_, all) => (hasRecipients(all) ? null : t("messages.noRecipient")),
      subject: (v) => (v.trim() ? null : t("errors.fields.required")),
      body: (v) => (v.trim() ? null : t("errors.fields.required")),
    },
  });
  const close = () => {
    form.reset();
    setGeneral(null);
    onClose();
  };
  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    try {
      await sendMessage(composeBody(v));
      toastSuccess(t("messages.sent"));
      close();
      await qc.invalidateQueries({ queryKey: MESSAGES_KEY });
    } catch (err) {
      const r = problemToForm(t, err, FIELDS);
      form.setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  });
  return (
    <Modal opened={opened} onClose={close} title={t("messages.compose")} size="lg" centered>
      <form onSubmit={submit} noValidate aria-label={t("messages.compose")}>
        <Stack>
          <FormError message={general} />
          <MultiSelect
            label={t("messages.toUsers")}
            data={(users.data ?? []).filter((o) => o.value !== user?.id)}
            searchable
            clearable
            data-autofocus
            {...form.getInputProps("to_user_ids")}
          />
          {mayPickTeams && (
            <MultiSelect label={t("messages.toTeams")} data={teams.data ?? []} searchable clearable {...form.getInputProps("to_team_ids")} />
          )}
          <TextInput label={t("messages.subject")} required maxLength={300} {...form.getInputProps("subject")} />
          <Textarea label={t("messages.body")} required autosize minRows={6} maxLength={20000} {...form.getInputProps("body")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("messages.send")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
