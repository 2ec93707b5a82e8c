import type { ReactNode } from "react";
import { Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useConfirm } from "../../../components/ConfirmDialog";
import { CustomFieldValues, useCustomFieldDefs } from "../../../components/CustomFields";
import { HistoryPanel } from "../../../components/HistoryPanel";
import { ErrorState, LoadingState } from "../../../components/states";
import type { Person } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { deletePerson, personQuery, personQueryKey } from "../api/persons";
import { personName } from "./columns";
import { PartnerName } from "./PartnerName";
import { PersonEditForm } from "./PersonEditForm";

/** One person; `extra` lets the app add sections from other modules (activities) below the form. */
export default function PersonPage({ extra }: { extra?: (p: Person) => ReactNode }) {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [confirm, confirmDialog] = useConfirm();
  const person = useQuery(personQuery(id));
  const customDefs = useCustomFieldDefs("persons");
  if (person.isPending) return <LoadingState />;
  if (person.isError) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  const onRecord = (next: Person) => {
    qc.setQueryData(personQueryKey(id), next);
    void qc.invalidateQueries({ queryKey: ["list", "persons"] });
    void qc.invalidateQueries({ queryKey: ["history", "person", id] });
  };
  const remove = async () => {
    if (!(await confirm({ title: t("common.delete"), message: t("persons.deleteConfirm", { name: personName(p) }), danger: true, confirmLabel: t("common.delete") }))) return;
    try {
      await deletePerson(p);
      toastSuccess(t("persons.deletedToast"));
      void qc.invalidateQueries({ queryKey: ["list", "persons"] });
      navigate("/persons", { replace: true });
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  return (
    <Stack>
      <Anchor component={Link} to="/persons" size="sm">
        ← {t("persons.title")}
      </Anchor>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={2}>{personName(p)}</Title>
          {p.partner_id && (
            <Text size="sm">
              <PartnerName id={p.partner_id} link />
            </Text>
          )}
        </Stack>
        {can(grants, "persons", "delete") && (
          <Button color="red" variant="light" onClick={() => void remove()}>
            {t("common.delete")}
          </Button>
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md">
            <PersonEditForm person={p} onRecord={onRecord} canEdit={can(grants, "persons", "update")} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <CustomFieldValues defs={customDefs} values={p.custom_fields} />
            <HistoryPanel entityType="person" entityId={p.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      {extra?.(p)}
      {confirmDialog}
    </Stack>
  );
}
