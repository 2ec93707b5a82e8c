import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { CreateTemplate, EmailTemplate, UpdateTemplate } from "../../../lib/api/types";

export const TEMPLATES_KEY = ["email-templates"] as const;

/** GET /api/v1/email-templates: every template (all keys, all languages). */
export const templatesQuery = queryOptions({
  queryKey: [...TEMPLATES_KEY, "list"],
  queryFn: () => unwrap(api.GET("/api/v1/email-templates")),
});

export const templateQueryKey = (id: string) => [...TEMPLATES_KEY, "one", id] as const;

export const templateQuery = (id: string) =>
  queryOptions({
    queryKey: templateQueryKey(id),
    queryFn: () => unwrap(api.GET("/api/v1/email-templates/{id}", { params: { path: { id } } })),
  });

export const createTemplate = (body: CreateTemplate) => unwrap(api.POST("/api/v1/email-templates", { body }));

/** PATCH with If-Match: someone else's save in between answers 412. */
export const updateTemplate = (tpl: EmailTemplate, body: UpdateTemplate) =>
  unwrap(api.PATCH("/api/v1/email-templates/{id}", { params: { path: { id: tpl.id }, header: ifMatch(tpl.version) }, body }));

export const deleteTemplate = (tpl: EmailTemplate) =>
  unwrap(api.DELETE("/api/v1/email-templates/{id}", { params: { path: { id: tpl.id }, header: ifMatch(tpl.version) } }));

/** The saved template rendered for a person (or with sample values when none is given). */
export const previewTemplate = (id: string, personId: string | null) =>
  unwrap(api.POST("/api/v1/email-templates/{id}/preview", { params: { path: { id } }, body: personId ? { person_id: personId } : {} }));
