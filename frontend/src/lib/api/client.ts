import createClient from "openapi-fetch";
import type { paths } from "./schema";
import { createAuthFetch } from "./auth-fetch";
import { createRefresher } from "../auth/refresher";
import { createTokenStore } from "../auth/token-store";
import { sessionEvents } from "../auth/session-events";
import type { User } from "./types";

const baseUrl = "";
const rawFetch = (req: Request) => globalThis.fetch(req);

export const tokenStore = createTokenStore(typeof sessionStorage === "undefined" ? null : sessionStorage);

export const refresher = createRefresher<User>({
  baseUrl,
  fetch: rawFetch,
  store: tokenStore,
  onRefreshed: ({ user }) => sessionEvents.emit({ type: "refreshed", user }),
  onExpired: () => sessionEvents.emit({ type: "expired" }),
});

/** The one API client of the app: typed from the generated schema, authenticated, refreshing. */
export const api = createClient<paths>({
  baseUrl,
  fetch: createAuthFetch({ fetch: rawFetch, store: tokenStore, refresher }),
});
