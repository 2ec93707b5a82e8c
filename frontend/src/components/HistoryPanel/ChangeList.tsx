import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../../lib/api/types";

const show = (v: unknown): string =>
  v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v);

/** "field: old → new" for each change of one history entry. */
export function ChangeList({ changes }: { changes: HistoryEntry["changes"] }) {
  const { t } = useTranslation();
  if (!changes?.length) return null;
  return (
    <List size="sm" spacing={2}>
      {changes.map((c) => (
        <List.Item key={c.field}>
          <Text span fw={600} size="sm">
            {t(`fields.${c.field}`, { defaultValue: c.field })}
          </Text>
          {": "}
          <Text span size="sm" c="dimmed" td="line-through">
            {show(c.old)}
          </Text>
          {" → "}
          <Text span size="sm">
            {show(c.new)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
