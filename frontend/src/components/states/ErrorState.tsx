import { Alert, Button, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/errors";

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t("common.errorTitle")} role="alert">
      <Stack gap="xs" align="flex-start">
        <span>{errorMessage(t, error)}</span>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
