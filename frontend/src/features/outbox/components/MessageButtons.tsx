import { Button, Group } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SendEmailModal } from "./SendEmailModal";
import { SendFaxModal } from "./SendFaxModal";

interface Props {
  partnerId?: string | null;
  /** Addresses to prefill the email with. */
  emails?: string[];
}

/** "Send email" and "Send fax" buttons with their modals, prefilled with a partner when given. */
export function MessageButtons({ partnerId = null, emails = [] }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<"email" | "fax" | null>(null);
  return (
    <Group gap="xs">
      <Button variant="light" onClick={() => setOpen("email")} data-testid="send-email">
        {t("outbox.sendEmail")}
      </Button>
      <Button variant="default" onClick={() => setOpen("fax")} data-testid="send-fax">
        {t("outbox.sendFax")}
      </Button>
      {/* Mounted only while open, so each opening starts from the current prefill. */}
      {open === "email" && <SendEmailModal opened onClose={() => setOpen(null)} partnerId={partnerId} to={emails} />}
      {open === "fax" && <SendFaxModal opened onClose={() => setOpen(null)} partnerId={partnerId} />}
    </Group>
  );
}
