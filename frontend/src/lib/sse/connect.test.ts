import { connectSse } from "./connect";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(enc.encode(ch));
      c.close();
    },
  });
}

describe("connectSse", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends the bearer token, delivers events and reconnects after the stream ends", async () => {
    const seen: string[] = [];
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get("Authorization") ?? "");
      // The first stream ends at once; the reconnected one stays open, so exactly two connects happen
      // however far vi.waitFor moves the fake clock.
      if (seen.length > 1) return new Response(new ReadableStream<Uint8Array>(), { status: 200 });
      return new Response(streamOf([": keep-alive\n\nevent: unread\nda", "ta: 1\n\n"]), { status: 200 });
    });
    const events: string[] = [];
    const stop = connectSse({
      url: "/stream",
      token: async () => "t1",
      refresh: async () => false,
      onTokenChange: () => () => {},
      onEvent: (e) => events.push(`${e.event}:${e.data}`),
      fetch,
    });
    await vi.waitFor(() => expect(events).toEqual(["unread:1"]));
    await vi.advanceTimersByTimeAsync(1_500);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seen).toEqual(["Bearer t1", "Bearer t1"]);
    stop();
  });

  it("reconnects with the new token when it changes", async () => {
    let token = "old";
    let changed: () => void = () => {};
    const used: string[] = [];
    const fetch = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
      used.push(new Headers(init?.headers).get("Authorization") ?? "");
      // A stream that stays open until aborted.
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    });
    const stop = connectSse({
      url: "/stream",
      token: async () => token,
      refresh: async () => true,
      onTokenChange: (fn) => {
        changed = fn;
        return () => {};
      },
      onEvent: () => {},
      fetch,
    });
    await vi.waitFor(() => expect(used).toEqual(["Bearer old"]));
    token = "new";
    changed();
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(used).toEqual(["Bearer old", "Bearer new"]));
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("on a 401 asks for a refresh and reconnects only when the new token is announced", async () => {
    let changed: () => void = () => {};
    const fetch = vi.fn(async () => new Response(null, { status: 401 }));
    const refresh = vi.fn(async () => true);
    const stop = connectSse({
      url: "/stream",
      token: async () => "expired",
      refresh,
      onTokenChange: (fn) => {
        changed = fn;
        return () => {};
      },
      onEvent: () => {},
      fetch,
    });
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    changed();
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    stop();
  });
});
