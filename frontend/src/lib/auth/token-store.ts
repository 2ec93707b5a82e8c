/**
 * Where the tokens live.
 * - The access token is kept in memory only (gone on reload; never readable from storage by injected scripts
 *   after the fact).
 * - The refresh token is kept in sessionStorage so a reload in the same tab keeps the session; it is scoped to the
 *   tab, dies with it, and rotates on every refresh (reuse of an old one revokes the session server-side).
 */
export interface TokenPair {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export interface TokenStore {
  accessToken(): string | null;
  /** Epoch milliseconds at which the access token expires, or null when there is none. */
  expiresAt(): number | null;
  refreshToken(): string | null;
  set(tokens: TokenPair): void;
  clear(): void;
}

export const REFRESH_KEY = "crm.refresh_token";

export function createTokenStore(storage: Storage | null, now: () => number = Date.now): TokenStore {
  let access: string | null = null;
  let expires: number | null = null;
  return {
    accessToken: () => access,
    expiresAt: () => expires,
    refreshToken: () => storage?.getItem(REFRESH_KEY) ?? null,
    set(tokens) {
      access = tokens.access_token;
      expires = now() + tokens.expires_in * 1000;
      storage?.setItem(REFRESH_KEY, tokens.refresh_token);
    },
    clear() {
      access = null;
      expires = null;
      storage?.removeItem(REFRESH_KEY);
    },
  };
}
