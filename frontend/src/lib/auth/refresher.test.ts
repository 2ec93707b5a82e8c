import { createRefresher } from "./refresher";
import { createTokenStore, REFRESH_KEY } from "./token-store";

const BASE = "http://crm.test";

function tokens(n: number, expires_in = 900) {
  return { access_token: `access-${n}`, refresh_token: `refresh-${n}`, token_type: "Bearer", expires_in, user: { id: "u1" } };
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function setup(fetchImpl: (req: Request) => Promise<Response>) {
  sessionStorage.clear();
  let now = 1_000_000;
  const timers: { fn: () => void; ms: number }[] = [];
  const store = createTokenStore(sessionStorage, () => now);
  const onExpired = vi.fn();
  const onRefreshed = vi.fn();
  const fetch = vi.fn(fetchImpl);
  const refresher = createRefresher({
    baseUrl: BASE,
    fetch,
    store,
    onExpired,
    onRefreshed,
    now: () => now,
    setTimer: (fn, ms) => {
      timers.push({ fn, ms });
      return timers.length;
    },
    clearTimer: () => {},
  });
  return { store, refresher, fetch, onExpired, onRefreshed, timers, advance: (ms: number) => (now += ms) };
}

describe("refresher", () => {
  it("rotates both tokens and keeps only the refresh token in sessionStorage", async () => {
    const s = setup(async () => json(tokens(2)));
    s.store.set(tokens(1));
    expect(await s.refresher.refresh()).toBe(true);
    const req = s.fetch.mock.calls[0]![0];
    expect(req.url).toBe(`${BASE}/api/v1/auth/refresh`);
    expect(await req.json()).toEqual({ refresh_token: "refresh-1" });
    expect(s.store.accessToken()).toBe("access-2");
    expect(sessionStorage.getItem(REFRESH_KEY)).toBe("refresh-2");
    expect(JSON.stringify(sessionStorage)).not.toContain("access-2");
    expect(s.onRefreshed).toHaveBeenCalledWith(expect.objectContaining({ user: { id: "u1" } }));
  });

  it("shares one request between concurrent callers (rotation must not race)", async () => {
    let resolve!: (r: Response) => void;
    const s = setup(() => new Promise<Response>((r) => (resolve = r)));
    s.store.set(tokens(1));
    const a = s.refresher.refresh();
    const b = s.refresher.refresh();
    resolve(json(tokens(2)));
    expect(await Promise.all([a, b])).toEqual([true, true]);
    expect(s.fetch).toHaveBeenCalledTimes(1);
  });

  it("schedules the next refresh a minute before expiry", async () => {
    const s = setup(async () => json(tokens(2, 900)));
    s.store.set(tokens(1));
    await s.refresher.refresh();
    expect(s.timers.at(-1)?.ms).toBe(840_000);
    s.timers.at(-1)?.fn();
    await vi.waitFor(() => expect(s.fetch).toHaveBeenCalledTimes(2));
  });

  it("ends the session when the server refuses the refresh token", async () => {
    const s = setup(async () => json({ code: "invalid_refresh_token", status: 401 }, 401));
    s.store.set(tokens(1));
    expect(await s.refresher.refresh()).toBe(false);
    expect(s.onExpired).toHaveBeenCalledTimes(1);
    expect(s.store.accessToken()).toBeNull();
    expect(sessionStorage.getItem(REFRESH_KEY)).toBeNull();
  });

  it("keeps the session on a network error", async () => {
    const s = setup(async () => {
      throw new TypeError("offline");
    });
    s.store.set(tokens(1));
    expect(await s.refresher.refresh()).toBe(false);
    expect(s.onExpired).not.toHaveBeenCalled();
    expect(s.store.refreshToken()).toBe("refresh-1");
  });

  it("ensureFresh refreshes only when the access token is missing or about to expire", async () => {
    const s = setup(async () => json(tokens(2)));
    s.store.set(tokens(1, 900));
    expect(await s.refresher.ensureFresh()).toBe(true);
    expect(s.fetch).not.toHaveBeenCalled();
    s.advance(898_000);
    expect(await s.refresher.ensureFresh()).toBe(true);
    expect(s.fetch).toHaveBeenCalledTimes(1);
  });
});
