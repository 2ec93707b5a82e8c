import { Alert, Anchor, Badge, Button, Group, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Duplicates } from "../../../lib/api/types";

interface Props {
  duplicates: Duplicates;
  /** "Create anyway": shown once the user tried to save. */
  onContinue?: () => void;
  busy?: boolean;
}

/** Likely duplicates of the partner being created: open one of them, or create the new one anyway. */
export function DuplicateWarning({ duplicates, onContinue, busy }: Props) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t("partners.duplicates.title")} role="alert" data-testid="duplicate-warning">
      <Text size="sm" mb="xs">
        {t("partners.duplicates.explanation")}
      </Text>
      {duplicates.matches.length > 0 && (
        <List size="sm" spacing={4} mb="xs">
          {duplicates.matches.map((m) => (
            <List.Item key={m.partner.id}>
              <Group gap={6} wrap="wrap">
                <Anchor component={Link} to={`/partners/${m.partner.id}`}>
                  {m.partner.name}
                </Anchor>
                {m.partner.city && <Text size="sm" c="dimmed">{m.partner.city}</Text>}
                {m.reasons.map((r) => (
                  <Badge key={r} size="xs" variant="light" color="yellow">
                    {t(`partners.duplicates.reasons.${r}`, { defaultValue: r })}
                  </Badge>
                ))}
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
