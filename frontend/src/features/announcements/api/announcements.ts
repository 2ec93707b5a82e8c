import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { Announcement, CreateAnnouncement, UpdateAnnouncement } from "../../../lib/api/types";

/** Everything cached about announcements lives under this key, so one invalidation refreshes it all. */
export const ANNOUNCEMENTS_KEY = ["announcements"] as const;

/** The ones in force now, pinned first, with the caller's read state (the home page). */
export const currentAnnouncementsQuery = queryOptions({
  queryKey: [...ANNOUNCEMENTS_KEY, "current"],
  queryFn: () => unwrap(api.GET("/api/v1/announcements")),
});

/** Also past and scheduled ones, for the administration page (needs announcements:update). */
export const allAnnouncementsQuery = queryOptions({
  queryKey: [...ANNOUNCEMENTS_KEY, "all"],
  queryFn: () => unwrap(api.GET("/api/v1/announcements", { params: { query: { all: true } } })),
});

/** Who has read one, first reader first. */
export const announcementReadersQuery = (id: string) =>
  queryOptions({
    queryKey: [...ANNOUNCEMENTS_KEY, "readers", id],
    queryFn: () => unwrap(api.GET("/api/v1/announcements/{id}/readers", { params: { path: { id } } })),
  });

export const createAnnouncement = (body: CreateAnnouncement) => unwrap(api.POST("/api/v1/announcements", { body }));

export const updateAnnouncement = (a: Announcement, body: UpdateAnnouncement) =>
  unwrap(api.PATCH("/api/v1/announcements/{id}", { params: { path: { id: a.id }, header: ifMatch(a.version) }, body }));

export const deleteAnnouncement = (a: Announcement) =>
  unwrap(api.DELETE("/api/v1/announcements/{id}", { params: { path: { id: a.id }, header: ifMatch(a.version) } }));

export const markAnnouncementRead = (id: string) =>
  unwrap(api.POST("/api/v1/announcements/{id}/read", { params: { path: { id } } }));
