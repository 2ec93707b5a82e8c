import type { TokenPair, TokenStore } from "./token-store";

export interface RefreshResult<U> {
  tokens: TokenPair;
  user: U;
}

export interface RefresherOptions<U> {
  baseUrl: string;
  fetch: (req: Request) => Promise<Response>;
  store: TokenStore;
  /** Called after every successful refresh (new tokens are already stored). */
  onRefreshed?: (result: RefreshResult<U>) => void;
  /** Called when the server refused the refresh token: the session is over. */
  onExpired?: () => void;
  /** Refresh this long before the access token expires. */
  leadMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface Refresher {
  /** Rotates the tokens. Concurrent callers share one request. Resolves true when a fresh access token is stored. */
  refresh(): Promise<boolean>;
  /** Refreshes first when the access token is missing or about to expire. */
  ensureFresh(): Promise<boolean>;
  /** (Re)arms the proactive refresh timer from the store's expiry. */
  schedule(): void;
  cancel(): void;
}

export function createRefresher<U>(opts: RefresherOptions<U>): Refresher {
  const leadMs = opts.leadMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let inflight: Promise<boolean> | null = null;
  let timer: unknown = null;

  const cancel = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };

  const schedule = () => {
    cancel();
    const expiresAt = opts.store.expiresAt();
    if (expiresAt === null) return;
    const delay = Math.max(expiresAt - now() - leadMs, 1_000);
    timer = setTimer(() => {
      timer = null;
      void refresh();
    }, delay);
  };

  const doRefresh = async (): Promise<boolean> => {
    const token = opts.store.refreshToken();
    if (!token) return false;
    let res: Response;
    try {
      res = await opts.fetch(
        new Request(`${opts.baseUrl}/api/v1/auth/refresh`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ refresh_token: token }),
        }),
      );
    } catch {
      // Network trouble is not the end of the session: keep the refresh token and let the caller fail.
      return false;
    }
    if (!res.ok) {
      if (res.status === 400 || res.status === 401 || res.status === 403) {
        cancel();
        opts.store.clear();
        opts.onExpired?.();
      }
      return false;
    }
    const body = (await res.json()) as TokenPair & { user: U };
    opts.store.set(body);
    schedule();
    opts.onRefreshed?.({ tokens: body, user: body.user });
    return true;
  };

  const refresh = () => {
    if (!inflight) {
      inflight = doRefresh().finally(() => {
        inflight = null;
      });
    }
    return inflight;
  };

  const ensureFresh = async () => {
    const expiresAt = opts.store.expiresAt();
    if (opts.store.accessToken() && expiresAt !== null && expiresAt - now() > 5_000) return true;
    if (!opts.store.refreshToken()) return Boolean(opts.store.accessToken());
    return refresh();
  };

  return { refresh, ensureFresh, schedule, cancel };
}
