import { Badge, Button, Group, Stack, Table, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { useAuth } from "../../../lib/auth/auth-context";
import { formatDateTime } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { templatesQuery } from "../api/templates";

/** Email templates by key, each key's language versions together. */
export default function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const { grants } = useAuth();
  const navigate = useNavigate();
  const templates = useQuery(templatesQuery);
  const rows = [...(templates.data ?? [])].sort((a, b) => a.key.localeCompare(b.key) || a.language.localeCompare(b.language));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("templates.title")}</Title>
        {can(grants, "email_templates", "create") && (
          <Button component={Link} to="/email-templates/new">
            {t("templates.new")}
          </Button>
        )}
      </Group>
      {templates.isPending ? (
        <LoadingState />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>{t("templates.empty")}</EmptyState>
      ) : (
        <Table highlightOnHover striped data-testid="template-list">
          <caption className="visually-hidden">{t("templates.title")}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("fields.key")}</Table.Th>
              <Table.Th scope="col">{t("templates.language")}</Table.Th>
              <Table.Th scope="col">{t("fields.name")}</Table.Th>
              <Table.Th scope="col">{t("templates.purpose")}</Table.Th>
              <Table.Th scope="col">{t("fields.updated_at")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((tpl, i) => (
              <Table.Tr
                key={tpl.id}
                tabIndex={0}
                style={{ cursor: "pointer" }}
                onClick={() => navigate(`/email-templates/${tpl.id}`)}
                onKeyDown={(e) => e.key === "Enter" && navigate(`/email-templates/${tpl.id}`)}
              >
                {/* The key is written once per group of language versions. */}
                <Table.Td>{rows[i - 1]?.key === tpl.key ? "" : <code>{tpl.key}</code>}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{tpl.language}</Badge>
                </Table.Td>
                <Table.Td>{tpl.name}</Table.Td>
                <Table.Td>{t(`templates.purposes.${tpl.purpose}`, { defaultValue: tpl.purpose })}</Table.Td>
                <Table.Td>{formatDateTime(tpl.updated_at, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
