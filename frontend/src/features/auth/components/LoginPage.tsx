import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { isApiError } from "../../../lib/api/problem";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";

interface LoginState {
  from?: string;
  expired?: boolean;
}

function loginError(t: ReturnType<typeof useTranslation>["t"], err: unknown): string {
  if (isApiError(err) && err.status === 429) {
    const seconds = Number(err.response?.headers.get("Retry-After") ?? "0");
    return seconds > 0 ? t("login.tooManyAttemptsWait", { seconds }) : t("login.tooManyAttempts");
  }
  if (isApiError(err) && err.status === 401) return t("login.invalidCredentials");
  return errorMessage(t, err);
}

export function LoginPage({ languageSwitcher }: { languageSwitcher?: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : t("login.emailRequired")),
      password: (v) => (v ? null : t("login.passwordRequired")),
    },
  });

  if (auth.status === "authenticated") return <Navigate to={state.from ?? "/"} replace />;

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await auth.login(values.email.trim(), values.password);
    } catch (err) {
      setError(loginError(t, err));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h3">
                {t("login.title")}
              </Title>
              {languageSwitcher}
            </Group>
            {(auth.expired || state.expired) && !error && (
              <Alert color="yellow" role="status" data-testid="session-expired">
                {t("login.sessionExpired")}
              </Alert>
            )}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput label={t("login.email")} type="email" autoComplete="username" required data-autofocus {...form.getInputProps("email")} />
            <PasswordInput label={t("login.password")} autoComplete="current-password" required {...form.getInputProps("password")} />
            <Button type="submit" loading={busy} fullWidth>
              {t("login.submit")}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
