import { Button, Group, Modal, NumberInput, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { toMajor, toMinor } from "../model/money";
import type { Deal, MoveDeal, Stage } from "../model/types";

const FIELDS = ["realised_amount", "realised_on", "close_reason"];

interface Values {
  realised_amount: number | "";
  realised_on: string;
  close_reason: string;
}

const today = () => new Date().toISOString().slice(0, 10);

interface Props {
  deal: Pick<Deal, "title" | "currency" | "expected_amount" | "realised_amount">;
  stage: Stage;
  onClose: () => void;
  /** Makes the move; a refusal it throws shows on the form. */
  onSubmit: (body: MoveDeal) => Promise<void>;
}

/** Before a move into a won stage (the realised value and day) or a lost one (the reason). */
export function MoveModal({ deal, stage, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const won = stage.outcome === "won";
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { realised_amount: toMajor(deal.realised_amount ?? deal.expected_amount, deal.currency), realised_on: today(), close_reason: "" },
    validate: {
      realised_amount: (v) => (won && v === "" ? t("errors.fields.required") : null),
      close_reason: (v) => (!won && !v.trim() ? t("errors.fields.required") : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    const body: MoveDeal = won
      ? { stage_id: stage.id, realised_amount: toMinor(v.realised_amount, deal.currency), realised_on: v.realised_on || null }
      : { stage_id: stage.id, close_reason: v.close_reason.trim() };
    try {
      await onSubmit(body);
    } catch (err) {
      const r = problemToForm(t, err, FIELDS);
      form.setErrors(r.fieldErrors);
      setGeneral(r.general);
    }
  });
  const title = won ? t("deals.move.wonTitle", { stage: stage.name }) : t("deals.move.lostTitle", { stage: stage.name });
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          <FormError message={general} />
          {won ? (
            <>
              <NumberInput
                label={t("deals.fields.realised_amount", { currency: deal.currency })}
                required
                min={0}
                decimalScale={2}
                data-autofocus
                {...form.getInputProps("realised_amount")}
              />
              <TextInput type="date" label={t("deals.fields.realised_on")} {...form.getInputProps("realised_on")} />
            </>
          ) : (
            <Textarea label={t("deals.fields.close_reason")} required autosize minRows={2} maxLength={1000} data-autofocus {...form.getInputProps("close_reason")} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting} color={won ? "green" : "red"}>
              {t("deals.move.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
