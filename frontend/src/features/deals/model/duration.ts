/** Words for a duration, from the caller's translations (days, hours, minutes). */
export interface DurationWords {
  (key: "deals.duration.days" | "deals.duration.hours" | "deals.duration.minutes", opts: { count: number }): string;
}

/** Seconds as the largest two units ("2 d 3 h", "5 h 10 min", "4 min"). */
export function durationParts(seconds: number): { days: number; hours: number; minutes: number } {
  const s = Math.max(0, Math.round(seconds));
  return { days: Math.floor(s / 86_400), hours: Math.floor((s % 86_400) / 3600), minutes: Math.floor((s % 3600) / 60) };
}

export function formatDuration(seconds: number, t: DurationWords): string {
  const { days, hours, minutes } = durationParts(seconds);
  if (days > 0) return [t("deals.duration.days", { count: days }), hours ? t("deals.duration.hours", { count: hours }) : ""].filter(Boolean).join(" ");
  if (hours > 0) return [t("deals.duration.hours", { count: hours }), minutes ? t("deals.duration.minutes", { count: minutes }) : ""].filter(Boolean).join(" ");
  return t("deals.duration.minutes", { count: minutes });
}
