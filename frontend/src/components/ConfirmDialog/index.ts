export { ConfirmDialog } from "./ConfirmDialog";
export { useConfirm } from "./useConfirm";
