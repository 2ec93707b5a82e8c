import { Button, Group, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ResourceList } from "../../../components/ResourceList";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { searchPersons } from "../api/persons";
import { personColumns } from "./columns";
import { CreatePersonModal } from "./CreatePersonModal";

/** The persons of one partner (a tab of the partner page); a new one starts with the partner filled in. */
export function PartnerPersonsTab({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { grants } = useAuth();
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      {can(grants, "persons", "create") && (
        <Group>
          <Button onClick={() => setCreating(true)} data-testid="new-partner-person">
            {t("persons.new")}
          </Button>
        </Group>
      )}
      <ResourceList
        resource="persons"
        queryKey={["partner", partnerId]}
        caption={t("persons.title")}
        columns={personColumns(t, false)}
        defaultSort="last_name,first_name"
        getRowId={(p) => p.id}
        onRowOpen={(p) => navigate(`/persons/${p.id}`)}
        fetchPage={(p) => searchPersons(p, { q: "", partnerId, trashed: false })}
        emptyText={t("persons.emptyForPartner")}
      />
      {creating && <CreatePersonModal partnerId={partnerId} onClose={() => setCreating(false)} onCreated={() => setCreating(false)} />}
    </Stack>
  );
}
