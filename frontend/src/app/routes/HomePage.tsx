import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnnouncementsPanel } from "../../features/announcements/components/AnnouncementsPanel";
import { useAuth } from "../../lib/auth/auth-context";
import { formatDateTime } from "../../lib/format";

export function HomePage() {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  return (
    <Stack>
      <Title order={2}>{t("home.welcome", { name: user?.name ?? "" })}</Title>
      <Text c="dimmed">{t("home.intro")}</Text>
      <Text size="sm">{t("home.today", { date: formatDateTime(new Date().toISOString(), i18n.language) })}</Text>
      <AnnouncementsPanel />
    </Stack>
  );
}
