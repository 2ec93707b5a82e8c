import type { CreateTemplate, EmailTemplate, UpdateTemplate } from "../../../lib/api/types";

export const TEMPLATE_LANGUAGES = ["en", "hr", "pl", "ro"] as const;
export const TEMPLATE_PURPOSES = ["transactional", "marketing"] as const;

/** What the editor offers to insert; the server's engine (minijinja) knows these names. */
export const PLACEHOLDERS = [
  "person.first_name",
  "person.last_name",
  "person.email",
  "partner.name",
  "partner.city",
  "sender.name",
  "unsubscribe_url",
] as const;

export const TEMPLATE_FIELDS = ["key", "language", "name", "purpose", "subject", "html", "text"] as const;

export interface TemplateValues {
  key: string;
  language: string;
  name: string;
  purpose: string;
  subject: string;
  html: string;
  text: string;
}

export const emptyTemplate = (language = "en"): TemplateValues => ({
  key: "",
  language,
  name: "",
  purpose: "transactional",
  subject: "",
  html: "",
  text: "",
});

export function templateToValues(t: EmailTemplate): TemplateValues {
  return { key: t.key, language: t.language, name: t.name, purpose: t.purpose, subject: t.subject, html: t.html ?? "", text: t.text };
}

/** POST body; an empty HTML box means a text-only email. */
export function valuesToCreate(v: TemplateValues): CreateTemplate {
  return { key: v.key.trim(), language: v.language, name: v.name.trim(), purpose: v.purpose, subject: v.subject, html: v.html.trim() ? v.html : null, text: v.text };
}

/** PATCH body with only what changed (key and language identify the template and stay). */
export function valuesToUpdate(before: EmailTemplate, v: TemplateValues): UpdateTemplate {
  const out: UpdateTemplate = {};
  if (v.name.trim() !== before.name) out.name = v.name.trim();
  if (v.purpose !== before.purpose) out.purpose = v.purpose;
  if (v.subject !== before.subject) out.subject = v.subject;
  if (v.text !== before.text) out.text = v.text;
  const html = v.html.trim() ? v.html : null;
  if (html !== (before.html ?? null)) out.html = html;
  return out;
}
