import type { TFunction } from "i18next";
import { isApiError } from "./api/problem";

/** A human message for any error, translated from the problem's stable code when we know it. */
export function errorMessage(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const p = err.problem;
    const generic = t(`errors.status.${p.status}`, { defaultValue: t("errors.unexpected") });
    return t(`errors.codes.${p.code}`, { defaultValue: p.detail || p.title || generic });
  }
  return t("errors.unexpected");
}

/** A translated message for one field error from problem+json `errors[]`. */
export function fieldErrorMessage(
  t: TFunction,
  code: string,
  message: string,
  params?: Record<string, unknown> | null,
): string {
  return t(`errors.fields.${code}`, { ...(params ?? {}), defaultValue: message });
}
