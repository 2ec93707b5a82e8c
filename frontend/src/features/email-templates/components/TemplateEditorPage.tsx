import { Anchor, Badge, Button, Grid, Group, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorState, LoadingState } from "../../../components/states";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { templateQuery } from "../api/templates";
import { SendMailingModal } from "./SendMailingModal";
import { TemplateEditor } from "./TemplateEditor";
import { TemplatePreview } from "./TemplatePreview";

/** /email-templates/new and /email-templates/:id: the form beside a preview, and "Send mailing". */
export default function TemplateEditorPage() {
  const { id = "new" } = useParams();
  const { t } = useTranslation();
  const { grants } = useAuth();
  const [mailing, setMailing] = useState(false);
  const isNew = id === "new";
  const template = useQuery({ ...templateQuery(id), enabled: !isNew });
  const back = (
    <Anchor component={Link} to="/email-templates" size="sm">
      ← {t("templates.title")}
    </Anchor>
  );
  if (isNew) {
    return (
      <Stack maw={900}>
        {back}
        <Title order={2}>{t("templates.new")}</Title>
        <TemplateEditor template={null} canSave={can(grants, "email_templates", "create")} canDelete={false} />
      </Stack>
    );
  }
  if (template.isPending) return <LoadingState />;
  if (template.isError) return <ErrorState error={template.error} onRetry={() => void template.refetch()} />;
  const tpl = template.data;
  return (
    <Stack>
      {back}
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{tpl.name}</Title>
          <Badge variant="light">{tpl.language}</Badge>
          <Badge variant="light" color={tpl.purpose === "marketing" ? "grape" : "gray"}>
            {t(`templates.purposes.${tpl.purpose}`, { defaultValue: tpl.purpose })}
          </Badge>
        </Group>
        {can(grants, "mailings", "create") && (
          <Button variant="light" onClick={() => setMailing(true)} data-testid="send-mailing">
            {t("mailings.send")}
          </Button>
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          {/* Keyed by version: a save elsewhere (or here) restarts the form from the stored values. */}
          <TemplateEditor
            key={`${tpl.id}:${tpl.version}`}
            template={tpl}
            canSave={can(grants, "email_templates", "update")}
            canDelete={can(grants, "email_templates", "delete")}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <TemplatePreview templateId={tpl.id} version={tpl.version} />
        </Grid.Col>
      </Grid>
      <SendMailingModal templateKey={tpl.key} opened={mailing} onClose={() => setMailing(false)} />
    </Stack>
  );
}
