import { NativeSelect, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { GrantInput as Grant, Permissions } from "../../../lib/api/types";
import { matrixActions, scopeOf, setScope } from "./grants";

interface Props {
  permissions: Permissions;
  value: Grant[];
  onChange: (grants: Grant[]) => void;
  disabled?: boolean;
}

/** Grants as a matrix: resource rows x action columns, a scope select (none/own/team/all) per cell. */
export function GrantMatrix({ permissions, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const actions = matrixActions(permissions.resources);
  const options = [
    { value: "none", label: t("roles.scopes.none") },
    ...permissions.scopes.map((s) => ({ value: s, label: t(`roles.scopes.${s}`, { defaultValue: s }) })),
  ];
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={4} data-testid="grant-matrix">
        <caption className="visually-hidden">{t("roles.grants")}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("roles.resource")}</Table.Th>
            {actions.map((a) => (
              <Table.Th key={a} scope="col" style={{ fontSize: 12 }}>
                {t(`roles.actions.${a}`, { defaultValue: a })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {permissions.resources.map((r) => {
            const resourceLabel = t(`roles.resources.${r.resource}`, { defaultValue: r.resource });
            return (
              <Table.Tr key={r.resource}>
                <Table.Th scope="row">{resourceLabel}</Table.Th>
                {actions.map((a) => (
                  <Table.Td key={a}>
                    {r.actions.includes(a) ? (
                      <NativeSelect
                        size="xs"
                        aria-label={`${resourceLabel}: ${t(`roles.actions.${a}`, { defaultValue: a })}`}
                        data={options}
                        disabled={disabled}
                        value={scopeOf(value, r.resource, a)}
                        onChange={(e) => onChange(setScope(value, r.resource, a, e.currentTarget.value))}
                        data-scope={scopeOf(value, r.resource, a)}
                      />
                    ) : (
                      <span aria-hidden>—</span>
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
