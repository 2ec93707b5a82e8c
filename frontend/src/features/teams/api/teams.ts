import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { FetchParams } from "../../../components/ResourceList";
import type { Team } from "../../../lib/api/types";

export function listTeams(p: FetchParams) {
  return unwrap(
    api.GET("/api/v1/teams", { params: { query: { limit: p.limit, cursor: p.cursor, sort: p.sort || undefined, count: p.count } } }),
  );
}

export const teamQueryKey = (id: string) => ["teams", "detail", id] as const;
export const fetchTeam = (id: string) => unwrap(api.GET("/api/v1/teams/{id}", { params: { path: { id } } }));
export const teamQuery = (id: string) => queryOptions({ queryKey: teamQueryKey(id), queryFn: () => fetchTeam(id) });

export interface TeamValues {
  name: string;
  manager_id: string | null;
  member_ids: string[];
}

export function createTeam(body: TeamValues) {
  return unwrap(api.POST("/api/v1/teams", { body }));
}

export function updateTeam(team: Team, changes: Partial<TeamValues>, version = team.version) {
  return unwrap(api.PATCH("/api/v1/teams/{id}", { params: { path: { id: team.id }, header: ifMatch(version) }, body: changes }));
}

export function deleteTeam(team: Team) {
  return unwrap(api.DELETE("/api/v1/teams/{id}", { params: { path: { id: team.id }, header: ifMatch(team.version) } }));
}
