import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import type { Announcement } from "../../../lib/api/types";
import { toastSuccess } from "../../../lib/toast";
import { ANNOUNCEMENTS_KEY, createAnnouncement, updateAnnouncement } from "../api/announcements";
import { announcementBody, announcementValues, emptyAnnouncement, windowError, type AnnouncementValues } from "../model/schedule";

const FIELDS = ["title", "body", "pinned", "valid_from", "valid_until"] as const;

interface Props {
  /** The announcement to edit, or null for a new one. */
  announcement: Announcement | null;
  onClose: () => void;
}

/** Publish a new announcement or change one; times are typed in the browser's local time. Mounted only while open. */
export function AnnouncementModal({ announcement, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<AnnouncementValues>({
    initialValues: announcement ? announcementValues(announcement) : emptyAnnouncement,
    validate: {
      title: (v) => (v.trim() ? null : t("errors.fields.required")),
      body: (v) => (v.trim() ? null : t("errors.fields.required")),
      valid_until: (_, all) => (windowError(all, new Date()) ? t("announcements.untilBeforeFrom") : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    try {
      if (announcement) await updateAnnouncement(announcement, announcementBody(v));
      else await createAnnouncement(announcementBody(v));
      toastSuccess(t(announcement ? "announcements.saved" : "announcements.published"));
      onClose();
      await qc.invalidateQueries({ queryKey: ANNOUNCEMENTS_KEY });
    } catch (err) {
      const r = problemToForm(t, err, FIELDS);
      form.setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  });
  const title = t(announcement ? "announcements.edit" : "announcements.new");
  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          <FormError message={general} />
          <TextInput label={t("announcements.fields.title")} required maxLength={200} data-autofocus {...form.getInputProps("title")} />
          <Textarea label={t("announcements.fields.body")} required autosize minRows={5} maxLength={20000} {...form.getInputProps("body")} />
          <Checkbox label={t("announcements.fields.pinned")} {...form.getInputProps("pinned", { type: "checkbox" })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t("announcements.fields.validFrom")}
              description={t("announcements.fields.validFromHint")}
              {...form.getInputProps("valid_from")}
            />
            <TextInput
              type="datetime-local"
              label={t("announcements.fields.validUntil")}
              description={t("announcements.fields.validUntilHint")}
              {...form.getInputProps("valid_until")}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {announcement ? t("common.save") : t("announcements.publish")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
