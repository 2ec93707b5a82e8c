import createClient from "openapi-fetch";
import type { paths } from "./schema";
import { createAuthFetch } from "./auth-fetch";
import { ApiError } from "./problem";
import { ifMatch, unwrap } from "./unwrap";
import { createRefresher } from "../auth/refresher";
import { createTokenStore } from "../auth/token-store";

const BASE = "http://crm.test";

function json(body: unknown, status = 200, type = "application/json") {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
}

const user = { id: "u1", email: "a@b.c", name: "A", status: "active", locale: "en", roles: [], created_at: "", updated_at: "", deleted_at: null, version: 1 };

/** A fake server: /auth/refresh rotates; other routes answer with `handler`, given the bearer token seen. */
function setup(handler: (req: Request, token: string | null) => Response | Promise<Response>) {
  sessionStorage.clear();
  let issued = 1;
  const seen: { url: string; token: string | null; method: string }[] = [];
  const server = vi.fn(async (req: Request) => {
    const token = req.headers.get("Authorization")?.replace("Bearer ", "") ?? null;
    seen.push({ url: new URL(req.url).pathname, token, method: req.method });
    if (req.url.endsWith("/api/v1/auth/refresh")) {
      issued += 1;
      return json({ access_token: `access-${issued}`, refresh_token: `refresh-${issued}`, token_type: "Bearer", expires_in: 900, user });
    }
    return handler(req, token);
  });
  const store = createTokenStore(sessionStorage);
  const onExpired = vi.fn();
  const refresher = createRefresher({ baseUrl: BASE, fetch: server, store, onExpired, setTimer: () => 0, clearTimer: () => {} });
  const api = createClient<paths>({ baseUrl: BASE, fetch: createAuthFetch({ fetch: server, store, refresher }) });
  store.set({ access_token: "access-1", refresh_token: "refresh-1", expires_in: 900 });
  return { api, store, seen, onExpired };
}

describe("API client wrapper", () => {
  it("sends the bearer token and returns typed data", async () => {
    const s = setup((_, token) => json({ user, grants: [{ resource: "users", action: "read", scope: "all" }], token }));
    const me = await unwrap(s.api.GET("/api/v1/auth/me"));
    expect(me.user.email).toBe("a@b.c");
    expect(s.seen).toEqual([{ url: "/api/v1/auth/me", token: "access-1", method: "GET" }]);
  });

  it("on a 401 refreshes once, then retries the request once with the new token (body included)", async () => {
    const s = setup(async (req, token) => {
      if (token !== "access-2") return json({ code: "invalid_token", status: 401 }, 401, "application/problem+json");
      return json({ ...user, name: ((await req.json()) as { name: string }).name });
    });
    const updated = await unwrap(
      s.api.PATCH("/api/v1/users/{id}", { params: { path: { id: "u1" }, header: ifMatch(1) }, body: { name: "New" } }),
    );
    expect(updated.name).toBe("New");
    expect(s.seen.map((x) => `${x.method} ${x.url} ${x.token}`)).toEqual([
      "PATCH /api/v1/users/u1 access-1",
      "POST /api/v1/auth/refresh null",
      "PATCH /api/v1/users/u1 access-2",
    ]);
  });

  it("does not loop when the retried request is refused again", async () => {
    const s = setup(() => json({ code: "invalid_token", status: 401 }, 401, "application/problem+json"));
    await expect(unwrap(s.api.GET("/api/v1/auth/me"))).rejects.toMatchObject({ status: 401 });
    expect(s.seen).toHaveLength(3);
  });

  it("never sends a token to login nor refreshes around it", async () => {
    const s = setup(() => json({ code: "invalid_credentials", status: 401 }, 401, "application/problem+json"));
    await expect(unwrap(s.api.POST("/api/v1/auth/login", { body: { email: "x@y.z", password: "nope" } }))).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    expect(s.seen).toEqual([{ url: "/api/v1/auth/login", token: null, method: "POST" }]);
  });

  it("turns problem+json into an ApiError with field errors", async () => {
    const problem = {
      type: "https://crm.invalid/problems/validation_failed",
      title: "Validation failed",
      status: 422,
      detail: "Some fields are invalid.",
      code: "validation_failed",
      errors: [{ field: "password", code: "length", message: "Too short." }],
    };
    const s = setup(() => json(problem, 422, "application/problem+json"));
    const err = await unwrap(
      s.api.POST("/api/v1/users", { body: { email: "a@b.c", name: "A", password: "short", roles: [] } }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problem.errors?.[0]?.field).toBe("password");
  });

  it("copes with an empty error body", async () => {
    const s = setup(() => new Response(null, { status: 503 }));
    await expect(unwrap(s.api.GET("/api/v1/auth/me"))).rejects.toMatchObject({ status: 503, code: "http_503" });
  });

  it("sends If-Match as the quoted version", () => {
    expect(ifMatch(7)).toEqual({ "If-Match": '"7"' });
  });
});
