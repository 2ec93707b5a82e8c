import type { Refresher } from "../auth/refresher";
import type { TokenStore } from "../auth/token-store";

/** Requests that must never carry a bearer token nor trigger a refresh. */
const PUBLIC_PATHS = ["/api/v1/auth/login", "/api/v1/auth/refresh"];

function isPublic(url: string): boolean {
  const path = new URL(url, "http://x").pathname;
  return PUBLIC_PATHS.includes(path);
}

function withToken(req: Request, token: string | null): Request {
  const next = new Request(req);
  if (token) next.headers.set("Authorization", `Bearer ${token}`);
  return next;
}

/**
 * A fetch for openapi-fetch: adds the bearer token, refreshes shortly before expiry,
 * and on a 401 refreshes once and retries the request once.
 */
export function createAuthFetch(deps: {
  fetch: (req: Request) => Promise<Response>;
  store: TokenStore;
  refresher: Refresher;
}): (req: Request) => Promise<Response> {
  return async (req) => {
    if (isPublic(req.url)) return deps.fetch(req);
    await deps.refresher.ensureFresh();
    const retryCopy = req.clone();
    const first = await deps.fetch(withToken(req, deps.store.accessToken()));
    if (first.status !== 401 || !deps.store.refreshToken()) return first;
    const refreshed = await deps.refresher.refresh();
    if (!refreshed) return first;
    return deps.fetch(withToken(retryCopy, deps.store.accessToken()));
  };
}
