import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorState, LoadingState } from "../../../components/states";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { dealQuery, dealQueryKey, moveDeal, timelineKey, updateDeal } from "../api/deals";
import { moveNeeds } from "../model/board";
import { dealResource, type Deal, type MoveDeal, type Stage } from "../model/types";
import { DealStatusBadge, OverdueBadge, PriorityBadge } from "./badges";
import { CancelDealModal } from "./CancelDealModal";
import { DealEditForm } from "./DealEditForm";
import { DealFacts } from "./DealFacts";
import { DealTimeline } from "./DealTimeline";
import { LinesEditor } from "./LinesEditor";
import { isConflict, moveErrorMessage } from "./move-error";
import { MoveModal } from "./MoveModal";
import { SendDealEmailModal } from "./SendDealEmailModal";
import { StageBar } from "./StageBar";
import { StageHistory } from "./StageHistory";
import { useDealTypes } from "./useStageNames";

/** One deal; `extra` lets the app add sections from other modules (log an activity, attachments). */
export default function DealPage({ extra }: { extra?: (d: Deal) => ReactNode }) {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const deal = useQuery(dealQuery(id));
  const { typeOf } = useDealTypes();
  const [moving, setMoving] = useState<Stage | null>(null);
  const [dialog, setDialog] = useState<"cancel" | "email" | null>(null);
  const [conflict, setConflict] = useState(false);
  if (deal.isPending) return <LoadingState />;
  if (deal.isError) return <ErrorState error={deal.error} onRetry={() => void deal.refetch()} />;
  const d = deal.data;
  const type = typeOf(d.type_id);
  const resource = dealResource(d.kind);
  const canEdit = can(grants, resource, "update");
  const refreshAround = () => {
    void qc.invalidateQueries({ queryKey: ["list", "deals"] });
    void qc.invalidateQueries({ queryKey: ["deals", "board"] });
    void qc.invalidateQueries({ queryKey: ["deals", "stages", id] });
    void qc.invalidateQueries({ queryKey: timelineKey(id) });
  };
  const onRecord = (next: Deal) => {
    qc.setQueryData(dealQueryKey(id), next);
    setConflict(false);
    refreshAround();
  };
  /** Someone else changed the deal: say so and show theirs. */
  const onConflict = () => {
    setConflict(true);
    void deal.refetch();
  };
  const move = async (body: MoveDeal) => {
    try {
      onRecord(await moveDeal(d, body));
      toastSuccess(t("deals.moved"));
      setMoving(null);
    } catch (err) {
      if (!isConflict(err)) throw err;
      setMoving(null);
      onConflict();
    }
  };
  const requestMove = (stage: Stage) => {
    if (moveNeeds(stage)) setMoving(stage);
    else move({ stage_id: stage.id }).catch((err: unknown) => toastError(moveErrorMessage(t, err)));
  };
  const setStatus = async (body: { status: string; close_reason?: string }) => {
    try {
      onRecord(await updateDeal(d, body));
      toastSuccess(body.status === "cancelled" ? t("deals.cancelled") : t("deals.reopened"));
      setDialog(null);
    } catch (err) {
      if (!isConflict(err)) throw err;
      setDialog(null);
      onConflict();
    }
  };
  return (
    <Stack>
      <Group gap="md">
        <Anchor component={Link} to="/deals" size="sm">
          ← {t("deals.title")}
        </Anchor>
        <Anchor component={Link} to={`/deals/board?type_id=${d.type_id}`} size="sm">
          {t("deals.board.title")}
        </Anchor>
      </Group>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={2}>{d.title}</Title>
          <DealStatusBadge status={d.status} />
          <PriorityBadge priority={d.priority} />
          {d.overdue && <OverdueBadge />}
        </Group>
        <Group gap="xs">
          {can(grants, "emails", "create") && (
            <Button variant="light" onClick={() => setDialog("email")} data-testid="deal-send-email">
              {t("deals.email.title")}
            </Button>
          )}
          {canEdit && d.status === "open" && (
            <Button variant="default" color="red" onClick={() => setDialog("cancel")} data-testid="deal-cancel">
              {t("deals.cancelDeal")}
            </Button>
          )}
          {canEdit && d.status === "cancelled" && (
            <Button
              variant="light"
              onClick={() => void setStatus({ status: "open" }).catch((err: unknown) => toastError(errorMessage(t, err)))}
              data-testid="deal-reopen"
            >
              {t("deals.reopen")}
            </Button>
          )}
        </Group>
      </Group>
      {type && <StageBar deal={d} type={type} canMove={canEdit} onMove={requestMove} />}
      {conflict && (
        <Alert color="yellow" title={t("conflict.title")} withCloseButton onClose={() => setConflict(false)} role="alert" data-testid="deal-conflict">
          {t("deals.conflictReloaded")}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Paper withBorder p="md">
              <DealEditForm key={`${d.id}:${d.version}`} deal={d} onRecord={onRecord} canEdit={canEdit} canAssign={can(grants, resource, "assign")} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="sm">
                {t("deals.lines.title")}
              </Title>
              <LinesEditor key={`${d.id}:${d.version}`} deal={d} canEdit={canEdit && d.status === "open"} onRecord={onRecord} onConflict={onConflict} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <DealFacts deal={d} type={type} />
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="sm">
                {t("deals.history.title")}
              </Title>
              <StageHistory dealId={d.id} type={type} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      {extra?.(d)}
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t("deals.timeline.title")}
        </Title>
        <DealTimeline dealId={d.id} type={type} />
      </Paper>
      {moving && <MoveModal deal={d} stage={moving} onClose={() => setMoving(null)} onSubmit={move} />}
      {dialog === "cancel" && <CancelDealModal onClose={() => setDialog(null)} onSubmit={(reason) => setStatus({ status: "cancelled", close_reason: reason })} />}
      {dialog === "email" && <SendDealEmailModal deal={d} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
