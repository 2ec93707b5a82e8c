import type { AppNotification } from "../../../lib/api/types";

// Records a notification can open; deadlines open the tasks page, which lists them, and a message
// notification's link_id is its thread.
const ROUTES: Record<string, (id: string) => string> = {
  partner: (id) => `/partners/${id}`,
  person: (id) => `/persons/${id}`,
  lead: (id) => `/leads/${id}`,
  deadline: () => "/tasks",
  message: (threadId) => `/messages/${threadId}`,
};

/** Where clicking a notification goes, or null when it is about nothing the app can show. */
export function notificationHref(n: Pick<AppNotification, "link_type" | "link_id">): string | null {
  if (!n.link_type) return null;
  const route = ROUTES[n.link_type];
  if (!route) return null;
  if (n.link_type !== "deadline" && !n.link_id) return null;
  return route(n.link_id ?? "");
}
