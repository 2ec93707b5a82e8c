import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../../components/states";
import type { RenderedTemplate } from "../../../lib/api/types";
import { previewTemplate } from "../api/templates";
import { PersonSelect } from "./PersonSelect";

/**
 * The saved template rendered by the server, with sample values or for a chosen person. The HTML goes
 * into an iframe with an empty sandbox: no scripts, no forms, no same-origin access to the app.
 */
export function TemplatePreview({ templateId, version }: { templateId: string; version: number }) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState<string | null>(null);
  const [result, setResult] = useState<{ rendered: RenderedTemplate; version: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const render = async () => {
    setLoading(true);
    setError(null);
    try {
      setResult({ rendered: await previewTemplate(templateId, personId), version });
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };
  const r = result?.rendered;
  return (
    <Paper withBorder p="md">
      <Stack data-testid="template-preview">
        <Title order={3} size="h4">
          {t("templates.preview")}
        </Title>
        <Group align="flex-end">
          <PersonSelect
            label={t("templates.previewFor")}
            placeholder={t("templates.sampleValues")}
            value={personId}
            onChange={setPersonId}
            style={{ flex: 1 }}
          />
          <Button onClick={() => void render()} loading={loading}>
            {t("templates.render")}
          </Button>
        </Group>
        {error !== null && <ErrorState error={error} />}
        {result && result.version !== version && <Alert color="yellow">{t("templates.previewStale")}</Alert>}
        {r && (
          <Stack gap="xs">
            <Text size="sm">
              <b>{t("templates.subject")}:</b> <span data-testid="preview-subject">{r.subject}</span>
            </Text>
            <Text size="sm" fw={600}>
              {t("templates.text")}
            </Text>
            <Code block style={{ whiteSpace: "pre-wrap" }} data-testid="preview-text">
              {r.text}
            </Code>
            {r.html && (
              <>
                <Text size="sm" fw={600}>
                  {t("templates.html")}
                </Text>
                <iframe
                  title={t("templates.htmlPreview")}
                  sandbox=""
                  srcDoc={r.html}
                  style={{ width: "100%", minHeight: 320, border: "1px solid var(--mantine-color-default-border)", background: "white" }}
                />
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
