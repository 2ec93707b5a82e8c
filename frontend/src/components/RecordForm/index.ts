export { formatFieldValue, useRecordSave } from "./useRecordSave";
export { FormError } from "./FormError";
export { problemToForm } from "./problem-to-form";
export { ConflictDialog } from "./ConflictDialog";
export { changedValues, compareVersions, sameValue } from "./diff";
