import { useRef, useState } from "react";
import type { Duplicates } from "../../../lib/api/types";
import { findDuplicates } from "../api/duplicates";
import { decideOnSubmit, duplicateKey, duplicateQuery, hasDuplicates } from "../model/duplicates";
import type { PartnerValues } from "../model/values";

/**
 * The duplicate check of the create form: runs when an identifying field loses focus and again before
 * saving; saving goes ahead once there is nothing similar or the user accepted the warning for exactly
 * these values.
 */
export function useDuplicateCheck() {
  const [shown, setShown] = useState<{ key: string; duplicates: Duplicates } | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);
  const latest = useRef("");

  const check = async (values: PartnerValues): Promise<Duplicates | null> => {
    const q = duplicateQuery(values);
    const key = duplicateKey(q);
    latest.current = key;
    if (!q) {
      setShown(null);
      return null;
    }
    if (shown?.key === key) return shown.duplicates;
    try {
      const duplicates = await findDuplicates(q);
      // A slower answer to an older question must not replace the newer one.
      if (latest.current === key) setShown(hasDuplicates(duplicates) ? { key, duplicates } : null);
      return duplicates;
    } catch {
      // The check is advice: when it fails (e.g. a malformed tax id), saving reports the real problem.
      return null;
    }
  };

  /** True when saving may go ahead now; otherwise the warning is on screen. */
  const mayCreate = async (values: PartnerValues, acceptedKey = accepted): Promise<boolean> => {
    const q = duplicateQuery(values);
    if (decideOnSubmit(q, acceptedKey) === "create") return true;
    return !hasDuplicates(await check(values));
  };

  /** "Create anyway": remember the accepted values and return their key. */
  const accept = (): string | null => {
    if (!shown) return null;
    setAccepted(shown.key);
    return shown.key;
  };

  return { duplicates: shown?.duplicates ?? null, check, mayCreate, accept };
}
