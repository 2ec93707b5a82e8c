export { LiveList } from "./LiveList";
export { useLiveKeysetList } from "./useLiveKeysetList";
