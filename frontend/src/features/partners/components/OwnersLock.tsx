import { Badge, Button, Group, Paper, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useTerritoryPath } from "../../../components/TerritorySelect";
import type { Partner } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { toastError, toastSuccess } from "../../../lib/toast";
import { setPartnerOwners } from "../api/partners";
import { ownersToValues, valuesToSetOwners } from "../model/owners";

/** The partner's territory and whether automatic assignment may change its owners (lock/unlock). */
export function OwnersLock({ partner, canAssign, onRecord }: { partner: Partner; canAssign: boolean; onRecord: (p: Partner) => void }) {
  const { t } = useTranslation();
  const path = useTerritoryPath();
  const [busy, setBusy] = useState(false);
  const locked = partner.owners_locked;
  const toggle = async () => {
    setBusy(true);
    try {
      // PUT replaces the whole ownership: send the current owners along with the new lock.
      const body = { ...valuesToSetOwners(ownersToValues(partner.owners, partner.primary_owner_id)), locked: !locked };
      onRecord(await setPartnerOwners(partner, body));
      toastSuccess(locked ? t("partners.owners.unlockedToast") : t("partners.owners.lockedToast"));
    } catch (err) {
      toastError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <Text size="sm" data-testid="partner-territory">
          {t("partners.owners.territory")}: {path(partner.territory_id) || t("partners.owners.noTerritory")}
        </Text>
        <Group gap="xs">
          <Badge color={locked ? "blue" : "gray"} variant="light" data-testid="owners-lock-state">
            {locked ? t("partners.owners.locked") : t("partners.owners.unlocked")}
          </Badge>
          {canAssign && (
            <Button size="compact-sm" variant="light" loading={busy} onClick={() => void toggle()} data-testid="owners-lock-toggle">
              {locked ? t("partners.owners.unlock") : t("partners.owners.lock")}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
