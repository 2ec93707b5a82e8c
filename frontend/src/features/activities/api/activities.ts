import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { ActivityInput } from "../../../lib/api/types";

/** Whose timeline: exactly one of partner, person or lead. */
export interface ActivityOwner {
  partner_id?: string;
  person_id?: string;
  lead_id?: string;
  /** With a deal the activity shows on the deal's timeline too (its partner is the deal's). */
  deal_id?: string;
}

export const activitiesKey = (o: ActivityOwner) => ["activities", o] as const;

/** GET /api/v1/activities for one partner, person or lead: newest first (the server's default order). */
export const activitiesQuery = (o: ActivityOwner) =>
  queryOptions({
    queryKey: activitiesKey(o),
    queryFn: () => unwrap(api.GET("/api/v1/activities", { params: { query: { ...o, limit: 200 } } })),
  });

export const createActivity = (body: ActivityInput) => unwrap(api.POST("/api/v1/activities", { body }));

/** The persons of a partner, as select options (who took part). */
export const partnerPersonOptionsQuery = (partnerId: string) =>
  queryOptions({
    queryKey: ["activities", "persons", partnerId],
    queryFn: async () => {
      const page = await unwrap(api.GET("/api/v1/persons", { params: { query: { partner_id: partnerId, limit: 200 } } }));
      return page.items.map((p) => ({ value: p.id, label: [p.first_name, p.last_name].filter(Boolean).join(" ") }));
    },
  });
