import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../lib/api/problem";
import { errorMessage } from "../../lib/errors";
import { toastSuccess } from "../../lib/toast";
import { ConflictDialog } from "./ConflictDialog";
import { changedValues, compareVersions, type FieldConflict } from "./diff";
import { problemToForm } from "./problem-to-form";

interface Versioned {
  version: number;
}

export interface RecordSaveOptions<T extends Versioned, V extends object> {
  record: T;
  toValues: (record: T) => V;
  /** PATCH with If-Match: only the changed fields are sent. */
  save: (changes: Partial<V>, version: number) => Promise<T>;
  /** GET the record again (for the 412 dialog and "reload"). */
  fetchLatest: () => Promise<T>;
  /** The saved or reloaded record: update caches and the form here. */
  onRecord: (record: T) => void;
  setFieldErrors: (errors: Record<string, string>) => void;
  label: (field: string) => string;
  format?: (field: string, value: unknown) => string;
}

/** How the conflict dialog shows a value unless the form says otherwise. */
export const formatFieldValue = (_: string, v: unknown) =>
  v === null || v === undefined || v === "" ? "—" : Array.isArray(v) ? v.join(", ") : String(v);

/**
 * Saving an existing record the way every module does: field errors next to their fields, a general error
 * above the form, 412 (stale If-Match) and 428 (missing If-Match) -> the conflict dialog against the latest
 * version, where the user reloads (drops their edits) or overwrites (their changed fields on top of the latest).
 */
export function useRecordSave<T extends Versioned, V extends object>(o: RecordSaveOptions<T, V>) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ latest: T; changes: Partial<V>; rows: FieldConflict[] } | null>(null);

  const attempt = async (changes: Partial<V>, version: number) => {
    setSaving(true);
    setFormError(null);
    try {
      const saved = await o.save(changes, version);
      o.onRecord(saved);
      setConflict(null);
      toastSuccess(t("form.saved"));
    } catch (err) {
      if (isApiError(err) && (err.status === 412 || err.status === 428)) {
        try {
          const latest = await o.fetchLatest();
          const mine = { ...o.toValues(o.record), ...changes } as V;
          setConflict({ latest, changes, rows: compareVersions(o.toValues(o.record), mine, o.toValues(latest)) });
        } catch (reloadErr) {
          setFormError(errorMessage(t, reloadErr));
        }
      } else {
        const fields = Object.keys(o.toValues(o.record));
        const { fieldErrors, general } = problemToForm(t, err, fields);
        o.setFieldErrors(fieldErrors);
        setFormError(general);
      }
    } finally {
      setSaving(false);
    }
  };

  const submit = (values: V) => attempt(changedValues(o.toValues(o.record), values), o.record.version);

  const dialog: ReactNode = conflict ? (
    <ConflictDialog
      opened
      conflicts={conflict.rows}
      label={o.label}
      format={o.format ?? formatFieldValue}
      busy={saving}
      onCancel={() => setConflict(null)}
      onReload={() => {
        o.onRecord(conflict.latest);
        setConflict(null);
      }}
      onOverwrite={() => void attempt(conflict.changes, conflict.latest.version)}
    />
  ) : null;

  return { submit, saving, formError, conflictDialog: dialog };
}
