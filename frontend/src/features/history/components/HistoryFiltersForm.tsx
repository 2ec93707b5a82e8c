import { Button, Group, Paper, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { emptyHistoryFilters, type HistoryFilters } from "../api/history";
import { actorOptionsQuery } from "../api/actor-options";

export const ENTITY_TYPES = ["user", "role", "team", "api_key", "saved_view", "partner", "branch", "person", "list_item"];

export function HistoryFiltersForm({ onApply }: { onApply: (f: HistoryFilters) => void }) {
  const { t } = useTranslation();
  const actors = useQuery(actorOptionsQuery);
  const form = useForm<HistoryFilters>({ initialValues: emptyHistoryFilters });
  return (
    <Paper withBorder p="sm">
      <form onSubmit={form.onSubmit(onApply)} aria-label={t("history.filters")}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="xs">
          <Select
            label={t("fields.entity_type")}
            clearable
            searchable
            data={ENTITY_TYPES.map((e) => ({ value: e, label: t(`history.entities.${e}`, { defaultValue: e }) }))}
            {...form.getInputProps("entity_type")}
            value={form.values.entity_type || null}
            onChange={(v) => form.setFieldValue("entity_type", v ?? "")}
          />
          <TextInput label={t("fields.entity_id")} {...form.getInputProps("entity_id")} />
          {actors.isError ? (
            <TextInput label={t("fields.actor_id")} {...form.getInputProps("actor_id")} />
          ) : (
            <Select
              label={t("fields.actor_id")}
              clearable
              searchable
              data={actors.data ?? []}
              value={form.values.actor_id || null}
              onChange={(v) => form.setFieldValue("actor_id", v ?? "")}
            />
          )}
          <TextInput label={t("history.from")} type="datetime-local" {...form.getInputProps("from")} />
          <TextInput label={t("history.to")} type="datetime-local" {...form.getInputProps("to")} />
        </SimpleGrid>
        <Group mt="sm" gap="xs">
          <Button type="submit" size="xs">
            {t("filter.apply")}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              form.reset();
              onApply(emptyHistoryFilters);
            }}
          >
            {t("filter.clear")}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
