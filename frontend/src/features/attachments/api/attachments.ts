import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { Attachment } from "../../../lib/api/types";
import { saveBlob } from "../../../lib/download";

export const attachmentsKey = (entityType: string, entityId: string) => ["attachments", entityType, entityId] as const;

export const attachmentsQuery = (entityType: string, entityId: string) =>
  queryOptions({
    queryKey: attachmentsKey(entityType, entityId),
    queryFn: () => unwrap(api.GET("/api/v1/attachments", { params: { query: { entity_type: entityType, entity_id: entityId } } })),
  });

/** Multipart upload; the server streams it, so entity_type and entity_id must come before the file. */
export function uploadAttachment(entityType: string, entityId: string, file: File) {
  const form = new FormData();
  form.append("entity_type", entityType);
  form.append("entity_id", entityId);
  form.append("file", file, file.name);
  return unwrap(
    api.POST("/api/v1/attachments", {
      body: { entity_type: entityType, entity_id: entityId, file: file.name },
      bodySerializer: () => form,
    }),
  );
}

export const deleteAttachment = (a: Attachment) =>
  unwrap(api.DELETE("/api/v1/attachments/{id}", { params: { path: { id: a.id }, header: ifMatch(a.version) } }));

/** The content needs the bearer token, so it is fetched through the API client and saved from a blob. */
export async function downloadAttachment(a: Attachment): Promise<void> {
  const blob = await unwrap(api.GET("/api/v1/attachments/{id}/content", { params: { path: { id: a.id } }, parseAs: "blob" }));
  saveBlob(blob as Blob, a.file_name);
}
