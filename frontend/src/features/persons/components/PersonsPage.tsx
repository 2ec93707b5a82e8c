import { Button, Group, Stack, Switch, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { customFieldColumns, useCustomFieldDefs, useDisplayWords } from "../../../components/CustomFields";
import { ResourceList } from "../../../components/ResourceList";
import type { Person } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { ExportMenu } from "../../exports/components/ExportMenu";
import { personsExportQuery } from "../../exports/model/export";
import { restorePerson, searchPersons } from "../api/persons";
import { personColumns } from "./columns";
import { CreatePersonModal } from "./CreatePersonModal";

export default function PersonsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [trashed, setTrashed] = useState(false);
  const [creating, setCreating] = useState(false);
  const customDefs = useCustomFieldDefs("persons");
  const words = useDisplayWords();
  const restore = async (p: Person) => {
    try {
      await restorePerson(p);
      toastSuccess(t("persons.restored"));
      await qc.invalidateQueries({ queryKey: ["list", "persons"] });
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  const columns = [...personColumns(t, true), ...customFieldColumns<Person>(customDefs, words)];
  // Deleted persons cannot be opened; in the trash they can only be restored.
  if (trashed) {
    columns.push({
      key: "restore",
      header: t("common.actions"),
      render: (p) =>
        p.deleted_at ? (
          <Button size="compact-xs" variant="light" color="green" onClick={() => void restore(p)}>
            {t("common.restore")}
          </Button>
        ) : null,
    });
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("persons.title")}</Title>
        <Group gap="xs">
          <ExportMenu request={{ entity: "persons", query: personsExportQuery({ q: debouncedQ, trashed }) }} />
          {can(grants, "persons", "create") && (
            <Button onClick={() => setCreating(true)} data-testid="new-person">
              {t("persons.new")}
            </Button>
          )}
        </Group>
      </Group>
      <ResourceList
        resource="persons"
        queryKey={[debouncedQ, trashed]}
        caption={t("persons.title")}
        columns={columns}
        defaultSort="last_name,first_name"
        filterable
        getRowId={(p) => p.id}
        onRowOpen={trashed ? undefined : (p) => navigate(`/persons/${p.id}`)}
        fetchPage={(p) => searchPersons(p, { q: debouncedQ, trashed })}
        toolbar={
          <>
            <TextInput
              size="xs"
              aria-label={t("common.search")}
              placeholder={t("persons.searchPlaceholder")}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
            />
            {can(grants, "persons", "delete") && (
              <Switch size="sm" label={t("common.showTrashed")} checked={trashed} onChange={(e) => setTrashed(e.currentTarget.checked)} />
            )}
          </>
        }
      />
      {creating && <CreatePersonModal onClose={() => setCreating(false)} onCreated={(p) => navigate(`/persons/${p.id}`)} />}
    </Stack>
  );
}
