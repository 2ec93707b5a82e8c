import { Button, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../../components/ConfirmDialog";
import type { User } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { toastError, toastSuccess } from "../../../lib/toast";
import { deleteUser, disableUser, enableUser, restoreUser } from "../api/user-actions";
import { ResetPasswordModal } from "./ResetPasswordModal";

interface Props {
  user: User;
  canUpdate: boolean;
  canDelete: boolean;
  onRecord: (u: User) => void;
  onDeleted: () => void;
}

/** Disable/enable, reset password, delete/restore, each confirmed where it hurts. */
export function UserActions({ user, canUpdate, canDelete, onRecord, onDeleted }: Props) {
  const { t } = useTranslation();
  const [confirm, confirmDialog] = useConfirm();
  const [resetting, reset] = useDisclosure();
  const run = async (action: () => Promise<unknown>, done: string, after?: (r: unknown) => void) => {
    try {
      const result = await action();
      toastSuccess(done);
      after?.(result);
    } catch (err) {
      toastError(errorMessage(t, err));
    }
  };
  const deleted = Boolean(user.deleted_at);
  return (
    <Group gap="xs">
      {canUpdate && !deleted && user.status === "active" && (
        <Button
          variant="light"
          color="orange"
          onClick={async () => {
            if (await confirm({ title: t("users.disable"), message: t("users.disableConfirm", { name: user.name }), danger: true, confirmLabel: t("users.disable") }))
              await run(() => disableUser(user), t("users.disabled"), (u) => onRecord(u as User));
          }}
        >
          {t("users.disable")}
        </Button>
      )}
      {canUpdate && !deleted && user.status !== "active" && (
        <Button variant="light" color="green" onClick={() => void run(() => enableUser(user), t("users.enabled"), (u) => onRecord(u as User))}>
          {t("users.enable")}
        </Button>
      )}
      {canUpdate && !deleted && (
        <Button variant="light" onClick={reset.open}>
          {t("users.resetPassword")}
        </Button>
      )}
      {canDelete && !deleted && (
        <Button
          variant="light"
          color="red"
          onClick={async () => {
            if (await confirm({ title: t("common.delete"), message: t("users.deleteConfirm", { name: user.name }), danger: true, confirmLabel: t("common.delete") }))
              await run(() => deleteUser(user), t("users.deletedToast"), onDeleted);
          }}
        >
          {t("common.delete")}
        </Button>
      )}
      {canDelete && deleted && (
        <Button variant="light" color="green" onClick={() => void run(() => restoreUser(user), t("users.restored"), (u) => onRecord(u as User))}>
          {t("common.restore")}
        </Button>
      )}
      <ResetPasswordModal user={user} opened={resetting} onClose={reset.close} />
      {confirmDialog}
    </Group>
  );
}
