import { Badge, Box, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { flattenTree, type TerritoryNode } from "../../../components/TerritorySelect";
import type { Territory } from "../../../lib/api/types";

interface Props {
  roots: TerritoryNode<Territory>[];
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  onAddChild: (parent: Territory) => void;
  onEdit: (t: Territory) => void;
  onDelete: (t: Territory) => void;
}

/** What an address must match to lie in the territory, in one line ("any" when nothing narrows it). */
function Criteria({ territory }: { territory: Territory }) {
  const { t } = useTranslation();
  const parts = [
    territory.countries.length ? territory.countries.join(", ") : null,
    territory.regions.length ? territory.regions.join(", ") : null,
    territory.postal_codes.length ? territory.postal_codes.join(", ") : null,
  ].filter(Boolean);
  return (
    <Text size="xs" c="dimmed">
      {parts.length ? parts.join(" · ") : t("territories.anywhere")}
    </Text>
  );
}

/** The territories as an indented tree, each with its actions. */
export function TerritoryTree({ roots, canCreate, canUpdate, canDelete, onAddChild, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} role="tree" aria-label={t("territories.title")}>
      {flattenTree(roots).map(({ territory, depth, children }) => (
        <Paper
          key={territory.id}
          withBorder
          p="xs"
          ml={depth * 28}
          role="treeitem"
          aria-level={depth + 1}
          aria-label={territory.name}
          data-testid={`territory-${territory.id}`}
        >
          <Group justify="space-between" wrap="nowrap">
            <Box>
              <Group gap="xs">
                <Text fw={600}>{territory.name}</Text>
                {children.length > 0 && (
                  <Badge size="xs" variant="light">
                    {children.length}
                  </Badge>
                )}
              </Group>
              <Criteria territory={territory} />
            </Box>
            <Group gap="xs" wrap="nowrap">
              {canCreate && (
                <Button size="compact-xs" variant="light" onClick={() => onAddChild(territory)}>
                  {t("territories.addChild")}
                </Button>
              )}
              {canUpdate && (
                <Button size="compact-xs" variant="default" onClick={() => onEdit(territory)}>
                  {t("territories.edit")}
                </Button>
              )}
              {canDelete && (
                <Button size="compact-xs" variant="light" color="red" onClick={() => onDelete(territory)}>
                  {t("common.delete")}
                </Button>
              )}
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
