import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** One personalised email per person, queued by a background job (202). */
export const createMailing = (templateKey: string, personIds: string[]) =>
  unwrap(api.POST("/api/v1/mailings", { body: { template_key: templateKey, person_ids: personIds } }));

/** A mailing's counters, polled until it is done. */
export const mailingQuery = (id: string) =>
  queryOptions({
    queryKey: ["mailings", id],
    queryFn: () => unwrap(api.GET("/api/v1/mailings/{id}", { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data?.status === "done" ? false : 2_000),
  });
