import { NumberInput, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ListItemSelect } from "../../../components/ListItemSelect";
import { useAuth } from "../../../lib/auth/auth-context";
import { useDealUsers } from "../api/options";
import type { DealValues } from "../model/values";
import { DEAL_PRIORITIES } from "../model/types";

interface Props<V extends DealValues> {
  form: UseFormReturnType<V>;
  disabled?: boolean;
  /** The owner changes only with the `assign` grant. */
  canAssign: boolean;
}

/** The fields a deal's owner edits (create and edit forms). */
export function DealFormFields<V extends DealValues>({ form, disabled, canAssign }: Props<V>) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const users = useDealUsers();
  const owners = users.data?.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })) ?? (user ? [{ value: user.id, label: user.name }] : []);
  const f = form as unknown as UseFormReturnType<DealValues>;
  const current = f.values.owner_id;
  const ownerData = current && !owners.some((o) => o.value === current) ? [...owners, { value: current, label: current }] : owners;
  return (
    <Stack>
      <TextInput label={t("deals.fields.title")} required maxLength={300} disabled={disabled} {...f.getInputProps("title")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t("deals.fields.priority")}
          allowDeselect={false}
          disabled={disabled}
          data={DEAL_PRIORITIES.map((p) => ({ value: p, label: t(`deals.priorities.${p}`) }))}
          {...f.getInputProps("priority")}
        />
        <Select
          label={t("deals.fields.owner_id")}
          description={canAssign ? undefined : t("deals.ownerNeedsAssign")}
          placeholder={t("deals.ownerDefault")}
          disabled={disabled || !canAssign}
          clearable
          searchable
          data={ownerData}
          {...f.getInputProps("owner_id")}
        />
        <NumberInput
          label={t("deals.fields.expected_amount")}
          min={0}
          decimalScale={2}
          thousandSeparator=" "
          disabled={disabled}
          {...f.getInputProps("expected_amount")}
        />
        <TextInput
          label={t("deals.fields.currency")}
          maxLength={3}
          disabled={disabled}
          {...f.getInputProps("currency")}
          onChange={(e) => f.setFieldValue("currency", e.currentTarget.value.toUpperCase())}
        />
        <TextInput type="date" label={t("deals.fields.expected_close_on")} disabled={disabled} {...f.getInputProps("expected_close_on")} />
        <ListItemSelect list="deal_sources" label={t("deals.fields.source_id")} disabled={disabled} {...f.getInputProps("source_id")} />
      </SimpleGrid>
      <TagsInput label={t("deals.fields.tags")} disabled={disabled} {...f.getInputProps("tags")} />
      <Textarea label={t("deals.fields.description")} autosize minRows={2} maxLength={10000} disabled={disabled} {...f.getInputProps("description")} />
    </Stack>
  );
}
