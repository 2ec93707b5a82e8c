import { Button, Group, MultiSelect, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, problemToForm } from "../../../components/RecordForm";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { toastSuccess } from "../../../lib/toast";
import { setPartnerOwners } from "../api/partners";
import { usePartnerUsers } from "../api/users";
import { ownersToValues, valuesToSetOwners, type OwnersValues } from "../model/owners";
import type { PartnerTabContext } from "./tabs";
import { OwnersLock } from "./OwnersLock";
import { OwnerSource } from "./OwnerSource";
import { UserName } from "./UserName";

const ROLES = ["primary", "deputy", "shared"] as const;

/** Who owns the partner; editable with partners:assign (PUT /partners/{id}/owners replaces all of it). */
export function PartnerOwnersTab({ partner, onRecord }: PartnerTabContext) {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const canAssign = can(grants, "partners", "assign") && !partner.deleted_at;
  const initial = ownersToValues(partner.owners, partner.primary_owner_id);
  const form = useForm<OwnersValues>({ initialValues: initial });
  const [error, setError] = useState<string | null>(null);
  const users = usePartnerUsers();
  useEffect(() => {
    form.setValues(ownersToValues(partner.owners, partner.primary_owner_id));
    form.resetDirty(ownersToValues(partner.owners, partner.primary_owner_id));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [partner.version, partner.id]);

  const chosen = [initial.primary_id, ...initial.deputy_ids, ...initial.shared_ids].filter((x): x is string => Boolean(x));
  const known = (users.data ?? []).filter((u) => u.active || chosen.includes(u.id)).map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }));
  // Owners the caller cannot list still show (by id) rather than vanish from the selection.
  const data = [...known, ...chosen.filter((id) => !known.some((o) => o.value === id)).map((id) => ({ value: id, label: id }))];
  const v = form.values;
  const without = (...ids: (string | null)[]) => data.filter((o) => !ids.includes(o.value));

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      onRecord(await setPartnerOwners(partner, valuesToSetOwners(values)));
      toastSuccess(t("partners.owners.saved"));
    } catch (err) {
      const { fieldErrors, general } = problemToForm(t, err, Object.keys(values));
      form.setErrors(fieldErrors);
      setError(general);
    }
  });

  return (
    <Stack maw={720}>
      <OwnersLock partner={partner} canAssign={canAssign} onRecord={onRecord} />
      <Paper withBorder p="md">
        <Table aria-label={t("partners.tabs.owners")}>
          <Table.Tbody>
            {ROLES.map((role) => {
              const owners = partner.owners.filter((o) => o.role === role);
              return (
                <Table.Tr key={role}>
                  <Table.Th scope="row" w={180}>
                    {t(`partners.owners.roles.${role}`)}
                  </Table.Th>
                  <Table.Td data-testid={`owners-${role}`}>
                    {owners.length === 0 ? (
                      <Text c="dimmed" size="sm">—</Text>
                    ) : (
                      owners.map((o, i) => (
                        <span key={o.user_id}>
                          {i > 0 && ", "}
                          <UserName id={o.user_id} />
                        </span>
                      ))
                    )}
                  </Table.Td>
                  {/* How each owner came to be, in the same order as the names. */}
                  <Table.Td data-testid={`owners-${role}-source`}>
                    {owners.map((o) => (
                      <OwnerSource key={o.user_id} ruleId={o.rule_id} />
                    ))}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      {canAssign && (
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate aria-label={t("partners.owners.edit")}>
            <Stack>
              <FormError message={error} />
              <Select label={t("partners.owners.roles.primary")} data={data} searchable clearable {...form.getInputProps("primary_id")} />
              <MultiSelect label={t("partners.owners.roles.deputy")} data={without(v.primary_id, ...v.shared_ids)} searchable {...form.getInputProps("deputy_ids")} />
              <MultiSelect label={t("partners.owners.roles.shared")} data={without(v.primary_id, ...v.deputy_ids)} searchable {...form.getInputProps("shared_ids")} />
              <Group>
                <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
                  {t("common.save")}
                </Button>
                <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
                  {t("form.discard")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
