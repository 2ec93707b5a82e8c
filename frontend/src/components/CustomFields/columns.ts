import type { Column } from "../DataTable";
import type { CustomField } from "../../lib/api/types";
import { formatCustomValue, type CustomApiValues, type DisplayWords } from "./model";

/**
 * A list column per definition shown in lists (`in_list`), keyed and sorted as `custom.<key>`; whether the
 * header actually sorts is decided by the list from the field metadata.
 */
export function customFieldColumns<T extends { custom_fields?: CustomApiValues | null }>(
  defs: readonly CustomField[],
  words: DisplayWords,
): Column<T>[] {
  return defs
    .filter((d) => d.in_list)
    .map((def) => ({
      key: `custom.${def.key}`,
      header: def.label,
      sortField: `custom.${def.key}`,
      render: (row: T) => formatCustomValue(def, row.custom_fields?.[def.key], words),
    }));
}
