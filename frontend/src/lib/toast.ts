import { notifications } from "@mantine/notifications";

export function toastSuccess(message: string): void {
  notifications.show({ color: "green", message, autoClose: 4000 });
}

export function toastError(message: string): void {
  notifications.show({ color: "red", message, autoClose: 8000 });
}
