import { Alert, Anchor, Button, Group, Select, Stack, Switch, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { toastError } from "../../../lib/toast";
import { boardKey, boardQuery, type BoardParams } from "../api/board";
import { moveDeal } from "../api/deals";
import { dealTypesQuery } from "../api/options";
import { findCard, moveCard, moveNeeds, pickType, replaceCard } from "../model/board";
import { dealResource, type Board, type Deal, type MoveDeal, type Stage } from "../model/types";
import { BoardColumnView } from "./BoardColumn";
import { DealCard } from "./DealCard";
import { isConflict, moveErrorMessage } from "./move-error";
import { MoveModal } from "./MoveModal";

/** The kanban board of one pipeline (?type_id=, default the first active type): drag a card to move the deal. */
export default function DealBoardPage() {
  const { t } = useTranslation();
  const { grants, user } = useAuth();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const types = useQuery(dealTypesQuery());
  const visible = (types.data ?? []).filter((ty) => can(grants, dealResource(ty.kind), "read"));
  const type = pickType(visible, params.get("type_id"));
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [mine, setMine] = useState(false);
  const bp: BoardParams = { typeId: type?.id ?? "", ownerId: mine ? (user?.id ?? null) : null, q: debouncedQ };
  const board = useQuery({ ...boardQuery(bp), enabled: Boolean(type) });
  const [dragging, setDragging] = useState<string | null>(null);
  const [pending, setPending] = useState<{ deal: Deal; stage: Stage } | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const canMove = type ? can(grants, dealResource(type.kind), "update") : false;

  /** Optimistic: the card moves at once; a refusal puts it back, a 412 says so and reloads the board. */
  const perform = async (deal: Deal, body: MoveDeal): Promise<void> => {
    const key = boardKey(bp);
    await qc.cancelQueries({ queryKey: key });
    const before = qc.getQueryData<Board>(key);
    if (before) qc.setQueryData<Board>(key, moveCard(before, deal.id, body.stage_id));
    setConflict(null);
    try {
      const saved = await moveDeal(deal, body);
      qc.setQueryData<Board>(key, (b) => (b ? replaceCard(b, saved) : b));
      qc.setQueryData(["deals", "detail", saved.id], saved);
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: ["list", "deals"] });
    } catch (err) {
      if (before) qc.setQueryData<Board>(key, before);
      if (isConflict(err)) {
        setPending(null);
        setConflict(t("deals.board.conflict", { title: deal.title }));
        await qc.invalidateQueries({ queryKey: key });
        return;
      }
      throw err;
    }
  };

  const requestMove = (deal: Deal, stage: Stage) => {
    if (deal.stage_id === stage.id) return;
    if (moveNeeds(stage)) {
      setPending({ deal, stage });
      return;
    }
    perform(deal, { stage_id: stage.id }).catch((err: unknown) => toastError(moveErrorMessage(t, err)));
  };

  const drop = (stage: Stage, fromTransfer: string | null) => {
    const id = fromTransfer ?? dragging;
    setDragging(null);
    const found = id && board.data ? findCard(board.data, id) : null;
    if (found) requestMove(found.deal, stage);
  };

  const header = (
    <Group justify="space-between">
      <Title order={2}>{t("deals.board.title")}</Title>
      <Group gap="xs">
        <Button component={Link} to="/deals" variant="default">
          {t("deals.board.list")}
        </Button>
        {type && can(grants, dealResource(type.kind), "create") && (
          <Button component={Link} to={`/deals/new?type_id=${type.id}`} data-testid="new-deal">
            {t("deals.new")}
          </Button>
        )}
      </Group>
    </Group>
  );

  if (types.isPending) return <LoadingState />;
  if (types.isError) return <ErrorState error={types.error} onRetry={() => void types.refetch()} />;
  if (!type) {
    return (
      <Stack>
        {header}
        <EmptyState>{t("deals.board.noTypes")}</EmptyState>
      </Stack>
    );
  }
  const columns = board.data?.columns ?? [];
  return (
    <Stack>
      {header}
      <Group gap="xs" align="flex-end">
        <Select
          label={t("deals.fields.type_id")}
          data={visible.map((ty) => ({ value: ty.id, label: `${ty.name} · ${t(`deals.kinds.${ty.kind}`, { defaultValue: ty.kind })}` }))}
          value={type.id}
          allowDeselect={false}
          onChange={(v) => v && setParams({ type_id: v }, { replace: true })}
          data-testid="board-type"
          w={280}
        />
        <TextInput label={t("common.search")} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={220} />
        <Switch label={t("deals.mine")} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} mb={8} />
      </Group>
      {conflict && (
        <Alert color="yellow" title={t("conflict.title")} withCloseButton onClose={() => setConflict(null)} data-testid="board-conflict" role="alert">
          {conflict}
        </Alert>
      )}
      {board.isPending ? (
        <LoadingState />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <Group align="flex-start" wrap="nowrap" gap="sm" style={{ overflowX: "auto" }} pb="sm" data-testid="deal-board">
          {columns.map((col) => (
            <BoardColumnView
              key={col.stage.id}
              column={col}
              currency={board.data.company_currency}
              accepting={canMove && dragging !== null}
              onDrop={(id) => drop(col.stage, id)}
            >
              {col.deals.map((d) => (
                <DealCard
                  key={d.id}
                  deal={d}
                  stages={columns.map((c) => c.stage).filter((s) => s.id !== col.stage.id)}
                  canMove={canMove && d.status !== "cancelled"}
                  dragging={dragging === d.id}
                  onDragStart={setDragging}
                  onDragEnd={() => setDragging(null)}
                  onMove={requestMove}
                />
              ))}
            </BoardColumnView>
          ))}
        </Group>
      )}
      <Anchor component={Link} to={`/deals?type_id=${type.id}`} size="sm">
        {t("deals.board.allInList")}
      </Anchor>
      {pending && (
        <MoveModal
          deal={pending.deal}
          stage={pending.stage}
          onClose={() => setPending(null)}
          onSubmit={async (body) => {
            await perform(pending.deal, body);
            setPending(null);
          }}
        />
      )}
    </Stack>
  );
}
