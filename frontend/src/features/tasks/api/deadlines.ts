import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { CreateDeadline } from "../../../lib/api/types";

/** GET /api/v1/deadlines: the caller's open deadlines, soonest first. */
export const myDeadlinesQuery = queryOptions({
  queryKey: ["deadlines", "mine"],
  queryFn: () => unwrap(api.GET("/api/v1/deadlines")),
});

export const createDeadline = (body: CreateDeadline) => unwrap(api.POST("/api/v1/deadlines", { body }));

/** Done: the deadline stops alarming and leaves the open list. */
export const clearDeadline = (id: string) => unwrap(api.POST("/api/v1/deadlines/{id}/clear", { params: { path: { id } } }));
