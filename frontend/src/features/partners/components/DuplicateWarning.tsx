import { Alert, Anchor, Badge, Button, Group, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DuplicateMatch, Duplicates } from "../../../lib/api/types";

interface Props {
  duplicates: Duplicates;
  /** "Create anyway": shown once the user tried to save. */
  onContinue?: () => void;
  /** "Merge into this one" per match: offered once the partner exists (its page), never before it is created. */
  onMerge?: (match: DuplicateMatch) => void;
  /** Overrides the text under the title (the partner page words it for an existing partner). */
  explanation?: string;
  busy?: boolean;
}

/** Likely duplicates of a partner: open one of them, merge into one, or create the new one anyway. */
export function DuplicateWarning({ duplicates, onContinue, onMerge, explanation, busy }: Props) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t("partners.duplicates.title")} role="alert" data-testid="duplicate-warning">
      <Text size="sm" mb="xs">
        {explanation ?? t("partners.duplicates.explanation")}
      </Text>
      {duplicates.matches.length > 0 && (
        <List size="sm" spacing={4} mb="xs">
          {duplicates.matches.map((m) => (
            <List.Item key={m.partner.id} data-testid="duplicate-match">
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {m.partner.name}
                </Text>
                {m.partner.city && <Text size="sm" c="dimmed">{m.partner.city}</Text>}
                {m.reasons.map((r) => (
                  <Badge key={r} size="xs" variant="light" color="yellow">
                    {t(`partners.duplicates.reasons.${r}`, { defaultValue: r })}
                  </Badge>
                ))}
                <Anchor component={Link} to={`/partners/${m.partner.id}`} size="sm">
                  {t("partners.duplicates.open")}
                </Anchor>
                {onMerge && (
                  <Button size="compact-xs" variant="light" color="orange" onClick={() => onMerge(m)}>
                    {t("partners.duplicates.mergeInto")}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {duplicates.hidden_matches > 0 && (
        <Text size="sm" mb="xs">
          {t("partners.duplicates.hidden", { n: duplicates.hidden_matches })}
        </Text>
      )}
      {onContinue && (
        <Button size="xs" variant="light" color="yellow" onClick={onContinue} loading={busy}>
          {t("partners.duplicates.continue")}
        </Button>
      )}
    </Alert>
  );
}
