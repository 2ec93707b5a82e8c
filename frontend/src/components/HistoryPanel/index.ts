export { HistoryPanel } from "./HistoryPanel";
export { ChangeList } from "./ChangeList";
