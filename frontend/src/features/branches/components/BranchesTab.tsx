import { Button, Group, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import { countryName } from "../../../components/CountrySelect";
import { ResourceList } from "../../../components/ResourceList";
import type { Branch } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { toastError, toastSuccess } from "../../../lib/toast";
import { deleteBranch, listBranches } from "../api/branches";
import { BranchModal } from "./BranchModal";

/** A partner's branches: list, add, open to change, delete. */
export function BranchesTab({ partnerId, canEdit }: { partnerId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState<Branch | "new" | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const refresh = () => qc.invalidateQueries({ queryKey: ["list", "branches", partnerId] });
  const remove = async (b: Branch) => {
    if (!(await confirm({ title: t("common.delete"), message: t("branches.deleteConfirm", { name: b.name }), danger: true, confirmLabel: t("common.delete") }))) return;
    try {
      await deleteBranch(b);
      toastSuccess(t("branches.deleted"));
      await refresh();
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  return (
    <Stack>
      {canEdit && (
        <Group>
          <Button onClick={() => setOpen("new")} data-testid="new-branch">
            {t("branches.new")}
          </Button>
        </Group>
      )}
      <ResourceList<Branch>
        resource="branches"
        queryKey={[partnerId]}
        caption={t("partners.tabs.branches")}
        defaultSort="name"
        getRowId={(b) => b.id}
        onRowOpen={(b) => setOpen(b)}
        fetchPage={(p) => listBranches(partnerId, p)}
        emptyText={t("branches.empty")}
        columns={[
          { key: "name", header: t("fields.name"), sortField: "name", render: (b) => b.name },
          { key: "city", header: t("fields.city"), render: (b) => [b.postal_code, b.city].filter(Boolean).join(" ") },
          { key: "country", header: t("fields.country"), render: (b) => (b.country ? countryName(b.country, i18n.language) : "") },
          { key: "phones", header: t("fields.phones"), render: (b) => b.phones.join(", ") },
          { key: "emails", header: t("fields.emails"), render: (b) => b.emails.join(", ") },
          ...(canEdit
            ? [
                {
                  key: "actions",
                  header: t("common.actions"),
                  render: (b: Branch) => (
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      aria-label={t("branches.deleteNamed", { name: b.name })}
                      onClick={(e) => {
                        e.stopPropagation();
                        void remove(b);
                      }}
                    >
                      {t("common.delete")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {open && (
        <BranchModal
          partnerId={partnerId}
          branch={open === "new" ? null : open}
          canEdit={canEdit}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            void refresh();
          }}
        />
      )}
      {confirmDialog}
    </Stack>
  );
}
