import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The problem message that belongs to no single field, shown above the form. */
export function FormError({ message }: { message: string | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert color="red" title={t("form.errorTitle")} role="alert" style={{ whiteSpace: "pre-line" }}>
      {message}
    </Alert>
  );
}
