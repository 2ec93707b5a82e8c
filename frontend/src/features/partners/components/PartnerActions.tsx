import { Button, Group } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import type { Partner } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage } from "../../../lib/errors";
import { can } from "../../../lib/permissions";
import { toastError, toastSuccess } from "../../../lib/toast";
import { deletePartner, restorePartner } from "../api/partners";
import { MergePartnerModal } from "./MergePartnerModal";

interface Props {
  partner: Partner;
  onRecord: (p: Partner) => void;
  onDeleted: () => void;
}

/** Delete to the trash (confirmed, with If-Match), restore, and merge a duplicate into this partner. */
export function PartnerActions({ partner, onRecord, onDeleted }: Props) {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const [confirm, confirmDialog] = useConfirm();
  const [merging, setMerging] = useState(false);
  const qc = useQueryClient();
  if (!can(grants, "partners", "delete")) return null;
  const canMerge = !partner.deleted_at && can(grants, "partners", "update");
  const remove = async () => {
    const ok = await confirm({
      title: t("common.delete"),
      message: t("partners.deleteConfirm", { name: partner.name }),
      danger: true,
      confirmLabel: t("common.delete"),
    });
    if (!ok) return;
    try {
      await deletePartner(partner);
      toastSuccess(t("partners.deletedToast"));
      onDeleted();
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  const restore = async () => {
    try {
      onRecord(await restorePartner(partner));
      toastSuccess(t("partners.restored"));
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  return (
    <Group gap="xs">
      {canMerge && (
        <Button variant="light" onClick={() => setMerging(true)} data-testid="merge-partner">
          {t("partners.merge.open")}
        </Button>
      )}
      {partner.deleted_at ? (
        <Button variant="light" color="green" onClick={() => void restore()}>
          {t("common.restore")}
        </Button>
      ) : (
        <Button variant="light" color="red" onClick={() => void remove()}>
          {t("common.delete")}
        </Button>
      )}
      {merging && <MergePartnerModal partner={partner} onClose={() => setMerging(false)} onMerged={(r) => {
            onRecord(r.partner);
            void qc.invalidateQueries({ queryKey: ["list"] });
            void qc.invalidateQueries({ queryKey: ["activities"] });
          }} />}
      {confirmDialog}
    </Group>
  );
}
