import { Button, Checkbox, Group, Stack, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ResourceList } from "../../../components/ResourceList";
import { useAuth } from "../../../lib/auth/auth-context";
import { formatCalendarDate } from "../../../lib/format";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { bulkDeals, searchDeals } from "../api/deals";
import { emptyDealFilters, type DealListFilters } from "../model/list-filters";
import { formatAmount } from "../model/money";
import type { Deal } from "../model/types";
import { DealStatusBadge, OverdueBadge, PriorityBadge } from "./badges";
import { BulkBar } from "./BulkBar";
import { DealListFiltersBar } from "./DealListFilters";
import { moveErrorMessage } from "./move-error";
import { useDealTypes } from "./useStageNames";

export default function DealsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { grants } = useAuth();
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<DealListFilters>(() => ({ ...emptyDealFilters, type_id: params.get("type_id") ?? "" }));
  const [debounced] = useDebouncedValue(filters, 300);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const { all: types, typeOf, stageOf } = useDealTypes();
  const canCreate = can(grants, "deals", "create") || can(grants, "supply_deals", "create");
  const canAssign = can(grants, "deals", "assign") || can(grants, "supply_deals", "assign");
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const bulk = async (change: { owner_id?: string; stage_id?: string }) => {
    setBusy(true);
    try {
      const r = await bulkDeals({ ids: [...selected], ...change });
      toastSuccess(t("deals.bulk.done", { count: r.changed }));
      setSelected(new Set());
      await qc.invalidateQueries({ queryKey: ["list", "deals"] });
      void qc.invalidateQueries({ queryKey: ["deals"] });
    } catch (err) {
      toastError(moveErrorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("deals.title")}</Title>
        <Group gap="xs">
          <Button component={Link} to="/deals/board" variant="default" data-testid="open-board">
            {t("deals.board.title")}
          </Button>
          {canCreate && (
            <Button component={Link} to="/deals/new" data-testid="new-deal">
              {t("deals.new")}
            </Button>
          )}
        </Group>
      </Group>
      {selected.size > 0 && (
        <BulkBar
          count={selected.size}
          busy={busy}
          types={types}
          canAssign={canAssign}
          onReassign={(owner_id) => void bulk({ owner_id })}
          onMove={(stage_id) => void bulk({ stage_id })}
          onClear={() => setSelected(new Set())}
        />
      )}
      <ResourceList<Deal>
        resource="deals"
        queryKey={[debounced]}
        caption={t("deals.title")}
        defaultSort="-created_at"
        filterable
        getRowId={(d) => d.id}
        onRowOpen={(d) => navigate(`/deals/${d.id}`)}
        fetchPage={(p) => searchDeals(p, debounced)}
        emptyText={t("deals.empty")}
        columns={[
          {
            key: "select",
            header: t("deals.bulk.select"),
            render: (d) => (
              <Checkbox
                aria-label={t("deals.bulk.selectOne", { title: d.title })}
                checked={selected.has(d.id)}
                onClick={(e) => e.stopPropagation()}
                onChange={(e) => toggle(d.id, e.currentTarget.checked)}
                data-testid={`select-deal-${d.id}`}
              />
            ),
          },
          { key: "title", header: t("deals.fields.title"), sortField: "title", render: (d) => d.title },
          {
            key: "stage",
            header: t("deals.fields.stage_id"),
            render: (d) => [typeOf(d.type_id)?.name, stageOf(d.stage_id)?.name].filter(Boolean).join(" · "),
          },
          { key: "status", header: t("fields.status"), render: (d) => <DealStatusBadge status={d.status} /> },
          { key: "priority", header: t("deals.fields.priority"), render: (d) => <PriorityBadge priority={d.priority} /> },
          { key: "partner", header: t("deals.fields.partner_id"), render: (d) => d.partner_name },
          { key: "owner", header: t("deals.fields.owner_id"), render: (d) => d.owner_name },
          {
            key: "amount",
            header: t("deals.fields.expected_amount"),
            render: (d) => formatAmount(d.status === "won" ? d.realised_amount : d.expected_amount, d.currency, i18n.language),
          },
          { key: "close", header: t("deals.fields.expected_close_on"), render: (d) => formatCalendarDate(d.expected_close_on, i18n.language) },
          { key: "overdue", header: t("deals.overdue"), render: (d) => (d.overdue ? <OverdueBadge /> : null) },
          { key: "created", header: t("fields.created_at"), sortField: "created_at", render: (d) => formatCalendarDate(d.created_at.slice(0, 10), i18n.language) },
          { key: "updated", header: t("deals.fields.updated_at"), sortField: "updated_at", render: (d) => formatCalendarDate(d.updated_at.slice(0, 10), i18n.language) },
        ]}
        toolbar={<DealListFiltersBar value={filters} onChange={setFilters} types={types} />}
      />
    </Stack>
  );
}
