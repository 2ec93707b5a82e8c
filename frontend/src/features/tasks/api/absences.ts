import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { CreateAbsence } from "../../../lib/api/types";

/** GET /api/v1/absences of one user (without user_id the server lists everyone's the caller may see). */
export const absencesQuery = (userId: string) =>
  queryOptions({
    queryKey: ["absences", userId],
    queryFn: () => unwrap(api.GET("/api/v1/absences", { params: { query: { user_id: userId } } })),
  });

export const createAbsence = (body: CreateAbsence) => unwrap(api.POST("/api/v1/absences", { body }));

export const deleteAbsence = (id: string) => unwrap(api.DELETE("/api/v1/absences/{id}", { params: { path: { id } } }));
