import { Anchor, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { toastSuccess } from "../../../lib/toast";
import { createDeal } from "../api/deals";
import { DEAL_KINDS, dealResource } from "../model/types";
import { emptyNewDealValues, toCreateBody, type NewDealValues } from "../model/values";
import { DealFormFields } from "./DealFormFields";
import { PartnerSelect } from "../../persons/components/PartnerSelect";
import { useDealTypes } from "./useStageNames";

/** A new deal: its kind and pipeline, partner and (optionally) starting stage, then the usual fields. */
export default function NewDealPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { grants } = useAuth();
  const [params] = useSearchParams();
  const { all, typeOf } = useDealTypes();
  const kinds = DEAL_KINDS.filter((k) => can(grants, dealResource(k), "create"));
  // The pipeline asked for (?type_id=, from the board) once the types are loaded.
  const wantedType = typeOf(params.get("type_id"));
  const [error, setError] = useState<string | null>(null);
  const form = useForm<NewDealValues>({
    initialValues: {
      ...emptyNewDealValues(""),
      partner_id: params.get("partner_id"),
    },
    validate: {
      partner_id: (v) => (v ? null : t("errors.fields.required")),
      title: (v) => (v.trim() ? null : t("errors.fields.required")),
    },
  });
  const v = form.values;
  const kind = v.kind || wantedType?.kind || kinds[0] || "sale";
  const types = all.filter((ty) => ty.kind === kind && ty.active);
  const typeId = v.type_id ?? (wantedType?.kind === kind ? wantedType.id : null) ?? types[0]?.id ?? null;
  const stages = all.find((ty) => ty.id === typeId)?.stages.filter((s) => s.outcome === "open") ?? [];
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const deal = await createDeal(toCreateBody({ ...values, type_id: values.type_id ?? typeId }));
      toastSuccess(t("deals.created"));
      void qc.invalidateQueries({ queryKey: ["list", "deals"] });
      void qc.invalidateQueries({ queryKey: ["deals"] });
      navigate(`/deals/${deal.id}`, { replace: true });
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, Object.keys(values));
      form.setErrors(fieldErrors);
      setError(general);
    }
  });
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/deals" size="sm">
        ← {t("deals.title")}
      </Anchor>
      <Title order={2}>{t("deals.new")}</Title>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate aria-label={t("deals.new")}>
          <Stack>
            <FormError message={error} />
            {kinds.length > 1 && (
              <SegmentedControl
                data={kinds.map((k) => ({ value: k, label: t(`deals.kinds.${k}`) }))}
                value={kind}
                onChange={(k) => form.setValues({ kind: k, type_id: null, stage_id: null })}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t("deals.fields.type_id")}
                required
                allowDeselect={false}
                data={types.map((ty) => ({ value: ty.id, label: ty.name }))}
                {...form.getInputProps("type_id")}
                value={typeId}
                onChange={(id) => form.setValues({ type_id: id, stage_id: null })}
              />
              <Select
                label={t("deals.fields.stage_id")}
                placeholder={stages[0]?.name}
                clearable
                data={stages.map((s) => ({ value: s.id, label: s.name }))}
                {...form.getInputProps("stage_id")}
              />
              <PartnerSelect label={t("deals.fields.partner_id")} required {...form.getInputProps("partner_id")} />
            </SimpleGrid>
            <DealFormFields form={form} canAssign={can(grants, dealResource(kind), "assign")} />
            <Group>
              <Button type="submit" loading={form.submitting}>
                {t("common.create")}
              </Button>
              <Button variant="default" component={Link} to="/deals">
                {t("common.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
