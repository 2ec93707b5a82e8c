import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ChangePasswordForm } from "../../features/auth/components/ChangePasswordForm";
import { NotificationPreferences } from "../../features/notifications/components/NotificationPreferences";
import { useAuth } from "../../lib/auth/auth-context";

export default function AccountPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <Stack maw={640}>
      <Title order={2}>{t("account.title")}</Title>
      <Text>
        {user?.name} · {user?.email}
      </Text>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("account.changePassword")}
        </Title>
        <ChangePasswordForm />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("account.notifications")}
        </Title>
        <NotificationPreferences />
      </Paper>
    </Stack>
  );
}
