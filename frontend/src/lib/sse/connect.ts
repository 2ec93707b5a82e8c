import { reconnectDelay } from "./backoff";
import { createSseParser, type SseEvent } from "./parse-sse";

export interface SseConnectionDeps {
  url: string;
  /** The bearer token to connect with, fresh enough to last a while; null when signed out. */
  token: () => Promise<string | null>;
  /** Asked once after a 401: resolves true when a new token is stored. */
  refresh: () => Promise<boolean>;
  /** Calls back whenever the token changes (the stream was opened with the old one); returns an unsubscribe. */
  onTokenChange: (fn: () => void) => () => void;
  onEvent: (e: SseEvent) => void;
  fetch?: typeof globalThis.fetch;
}

/**
 * Keeps a server-sent-events stream open with a bearer token. EventSource cannot send headers, so this
 * reads fetch()'s body instead. It reconnects with backoff when the stream drops or fails, at once with
 * the new token after a refresh, and stops for good when the returned function is called.
 */
export function connectSse(deps: SseConnectionDeps): () => void {
  const doFetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let stopped = false;
  let attempt = 0;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, ms);
  };

  const retryLater = () => schedule(reconnectDelay(attempt++));

  async function run(): Promise<void> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    try {
      const token = await deps.token();
      // Superseded while waiting for the token (stopped, or the token changed): the newer run carries on.
      if (mine.signal.aborted) return;
      // Signed out or the refresh failed for now: try again later (the layout stops us on logout).
      if (!token) return retryLater();
      const res = await doFetch(deps.url, { headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" }, signal: mine.signal });
      if (res.status === 401) {
        // A successful refresh announces the new token, which reconnects through onTokenChange.
        if (await deps.refresh()) return;
        return retryLater();
      }
      if (!res.ok || !res.body) return retryLater();
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const parser = createSseParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        attempt = 0;
        for (const e of parser.push(decoder.decode(value, { stream: true }))) deps.onEvent(e);
      }
      // The server closed the stream (restart, shutdown): come back after a pause.
      if (!mine.signal.aborted) retryLater();
    } catch {
      // Aborted on purpose (stop or token change) or a network error: only the latter reconnects from here.
      if (!mine.signal.aborted) retryLater();
    }
  }

  const unsubscribe = deps.onTokenChange(() => {
    attempt = 0;
    schedule(0);
  });
  void run();

  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
    controller?.abort();
  };
}
