import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";

/** Persons matching `q` (name or email), for choosing recipients and the preview person. */
export const personOptionsQuery = (q: string) =>
  queryOptions({
    queryKey: ["email-templates", "person-options", q],
    staleTime: 30_000,
    queryFn: async () => {
      const page = await unwrap(api.GET("/api/v1/persons", { params: { query: { q: q.trim() || undefined, limit: 20, sort: "last_name" } } }));
      return page.items.map((p) => {
        const name = [p.first_name, p.last_name].filter(Boolean).join(" ");
        const email = p.emails?.[0];
        return { value: p.id, label: email ? `${name} <${email}>` : name };
      });
    },
  });
