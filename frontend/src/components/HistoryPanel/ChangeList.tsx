import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../../lib/api/types";
import { formatDateTime } from "../../lib/format";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function show(v: unknown, lang: string): string {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.length ? v.map((x) => show(x, lang)).join(", ") : "—";
  if (typeof v === "string" && ISO_INSTANT.test(v)) return formatDateTime(v, lang);
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** "field: old → new" for each change of one history entry. */
export function ChangeList({ changes }: { changes: HistoryEntry["changes"] }) {
  const { t, i18n } = useTranslation();
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
            {show(c.old, i18n.language)}
          </Text>
          {" → "}
          <Text span size="sm">
            {show(c.new, i18n.language)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
