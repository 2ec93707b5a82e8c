/**
 * How long to wait before reconnecting after the `attempt`-th failure in a row (0-based): doubling from
 * one second up to half a minute, with jitter so many tabs do not all reconnect in the same instant.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + random() * 0.5));
}
