import { Anchor, Checkbox, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useTerritoryPath } from "../../../components/TerritorySelect";

export interface PartnerPick {
  id: string;
  name: string;
  city?: string | null;
  territory_id?: string | null;
}

interface Props {
  label: string;
  partners: readonly PartnerPick[];
  selected: ReadonlySet<string>;
  onToggle: (ids: string[], on: boolean) => void;
}

/** Partners with a checkbox each (and one for all of them), to pick whom to hand over. */
export function SelectablePartners({ label, partners, selected, onToggle }: Props) {
  const { t } = useTranslation();
  const path = useTerritoryPath();
  if (partners.length === 0) return <Text c="dimmed" size="sm">{t("assignment.reassign.none")}</Text>;
  const all = partners.every((p) => selected.has(p.id));
  return (
    <Table aria-label={label} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>
            <Checkbox aria-label={t("assignment.reassign.selectAll")} checked={all} onChange={(e) => onToggle(partners.map((p) => p.id), e.currentTarget.checked)} />
          </Table.Th>
          <Table.Th>{t("assignment.partner")}</Table.Th>
          <Table.Th>{t("fields.city")}</Table.Th>
          <Table.Th>{t("assignment.columns.territory")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {partners.map((p) => (
          <Table.Tr key={p.id} data-testid={`pick-${p.id}`}>
            <Table.Td>
              <Checkbox aria-label={t("assignment.reassign.select", { name: p.name })} checked={selected.has(p.id)} onChange={(e) => onToggle([p.id], e.currentTarget.checked)} />
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/partners/${p.id}`}>
                {p.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{p.city ?? ""}</Table.Td>
            <Table.Td>{path(p.territory_id)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
