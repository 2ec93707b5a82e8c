import { Button, Group, Stack, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { customFieldColumns, useCustomFieldDefs, useDisplayWords } from "../../../components/CustomFields";
import { useListItemName } from "../../../components/ListItemSelect";
import { ResourceList } from "../../../components/ResourceList";
import { useAuth } from "../../../lib/auth/auth-context";
import type { Partner } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { restorePartner } from "../api/partners";
import { searchPartners } from "../api/search-partners";
import { ExportMenu } from "../../exports/components/ExportMenu";
import { emptyPartnerFilters, listQuery, type PartnerListFilters } from "../model/list-filters";
import { partnerColumns } from "./columns";
import { PartnerListFiltersBar } from "./PartnerListFilters";

export default function PartnersPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { grants } = useAuth();
  const [params, setParams] = useSearchParams();
  const [rest, setRest] = useState<PartnerListFilters>(emptyPartnerFilters);
  // "My partners" lives in the URL (?mine=1), so the menu entry and the switch are the same filter.
  const mine = params.get("mine") === "1";
  const filters = useMemo(() => ({ ...rest, mine }), [rest, mine]);
  const setFilters = (next: PartnerListFilters) => {
    setRest(next);
    if (next.mine !== filters.mine) setParams(next.mine ? { mine: "1" } : {}, { replace: true });
  };
  const [debounced] = useDebouncedValue(filters, 300);
  const groupName = useListItemName("partner_groups");
  const qc = useQueryClient();
  const customDefs = useCustomFieldDefs("partners");
  const words = useDisplayWords();
  const restore = async (p: Partner) => {
    try {
      await restorePartner(p);
      toastSuccess(t("partners.restored"));
      await qc.invalidateQueries({ queryKey: ["list", "partners"] });
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  const columns = [...partnerColumns(t, i18n.language, groupName), ...customFieldColumns<Partner>(customDefs, words)];
  // Deleted partners cannot be opened (the API hides them); in the trash they can only be restored.
  if (debounced.trashed) {
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
        <Title order={2}>{filters.mine ? t("partners.myTitle") : t("partners.title")}</Title>
        <Group gap="xs">
          <ExportMenu request={{ entity: "partners", query: listQuery(debounced) }} />
          {can(grants, "partners", "create") && (
            <Button component={Link} to="/partners/new" data-testid="new-partner">
              {t("partners.new")}
            </Button>
          )}
        </Group>
      </Group>
      <ResourceList
        resource="partners"
        queryKey={[debounced]}
        caption={t("partners.title")}
        columns={columns}
        defaultSort="name"
        filterable
        getRowId={(p) => p.id}
        onRowOpen={debounced.trashed ? undefined : (p) => navigate(`/partners/${p.id}`)}
        fetchPage={(p) => searchPartners(p, debounced)}
        toolbar={<PartnerListFiltersBar value={filters} onChange={setFilters} />}
      />
    </Stack>
  );
}
