import type { User } from "../api/types";

export type SessionEvent = { type: "refreshed"; user: User } | { type: "expired" };
type Listener = (e: SessionEvent) => void;

const listeners = new Set<Listener>();

/** A tiny bus between the API client (which notices expiry) and the React auth provider (which reacts). */
export const sessionEvents = {
  on(fn: Listener): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
  emit(e: SessionEvent): void {
    for (const fn of listeners) fn(e);
  },
};
