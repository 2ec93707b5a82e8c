import { Button, Group, Modal, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel?: string;
  danger?: boolean;
}

export function ConfirmDialog(props: ConfirmOptions & { opened: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={props.title} centered>
      <Text mb="md">{props.message}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
        <Button color={props.danger ? "red" : undefined} onClick={props.onConfirm} data-autofocus>
          {props.confirmLabel ?? t("common.confirm")}
        </Button>
      </Group>
    </Modal>
  );
}
