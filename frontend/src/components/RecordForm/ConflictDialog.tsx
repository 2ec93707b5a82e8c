import { Alert, Button, Group, Modal, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldConflict } from "./diff";

interface Props {
  opened: boolean;
  conflicts: FieldConflict[];
  label: (field: string) => string;
  format: (field: string, value: unknown) => string;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
  busy?: boolean;
}

/** 412: someone else changed the record. Shows what changed, field by field; reload or overwrite. */
export function ConflictDialog(p: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={p.opened} onClose={p.onCancel} title={t("conflict.title")} size="lg" centered>
      <Alert color="yellow" mb="md">
        {t("conflict.explanation")}
      </Alert>
      {p.conflicts.length === 0 ? (
        <Text mb="md">{t("conflict.noFieldChanges")}</Text>
      ) : (
        <Table mb="md" data-testid="conflict-table">
          <caption className="visually-hidden">{t("conflict.title")}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("conflict.field")}</Table.Th>
              <Table.Th scope="col">{t("conflict.theirs")}</Table.Th>
              <Table.Th scope="col">{t("conflict.mine")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.conflicts.map((c) => (
              <Table.Tr key={c.field}>
                <Table.Th scope="row">{p.label(c.field)}</Table.Th>
                <Table.Td fw={c.changedByOthers ? 700 : undefined}>{p.format(c.field, c.theirs)}</Table.Td>
                <Table.Td fw={c.changedByMe ? 700 : undefined}>{p.format(c.field, c.mine)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={p.onCancel}>
          {t("common.cancel")}
        </Button>
        <Button variant="light" onClick={p.onReload} disabled={p.busy}>
          {t("conflict.reload")}
        </Button>
        <Button color="orange" onClick={p.onOverwrite} loading={p.busy}>
          {t("conflict.overwrite")}
        </Button>
      </Group>
    </Modal>
  );
}
