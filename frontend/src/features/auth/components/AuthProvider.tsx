import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import i18n, { isLanguage } from "../../../i18n";
import { refresher, tokenStore } from "../../../lib/api/client";
import type { Me, User } from "../../../lib/api/types";
import { AuthContext, type AuthState, type AuthStatus } from "../../../lib/auth/auth-context";
import { sessionEvents } from "../../../lib/auth/session-events";
import { login as loginRequest } from "../api/login";
import { logout as logoutRequest } from "../api/logout";
import { meQuery, meQueryKey } from "../api/me";

function applyLocale(locale: string | null | undefined) {
  if (isLanguage(locale) && i18n.language !== locale) void i18n.changeLanguage(locale);
}

/** Holds the session: restores it from the refresh token on load, logs in and out, reacts to expiry. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<AuthStatus>(() => (tokenStore.refreshToken() ? "restoring" : "anonymous"));
  const [expired, setExpired] = useState(false);
  const me = useQuery({ ...meQuery, enabled: status === "authenticated" });

  useEffect(
    () =>
      sessionEvents.on((e) => {
        if (e.type === "expired") {
          setStatus("anonymous");
          setExpired(true);
          qc.clear();
        }
      }),
    [qc],
  );

  useEffect(() => {
    if (status !== "restoring") return;
    void refresher.refresh().then((ok) => setStatus(ok ? "authenticated" : "anonymous"));
    // Only on first mount: a restoring session is resolved exactly once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const userId = me.data?.user.id;
  useEffect(() => {
    if (userId) applyLocale(me.data?.user.locale);
    // Apply the saved locale once per signed-in user, not on every refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId]);

  const login = useCallback(
    async (email: string, password: string) => {
      const res = await loginRequest(email, password);
      qc.clear();
      tokenStore.set(res);
      refresher.schedule();
      applyLocale(res.user.locale);
      setExpired(false);
      setStatus("authenticated");
    },
    [qc],
  );

  const logout = useCallback(async () => {
    try {
      await logoutRequest();
    } catch {
      /* the session ends locally either way */
    }
    refresher.cancel();
    tokenStore.clear();
    qc.clear();
    setExpired(false);
    setStatus("anonymous");
  }, [qc]);

  const setUser = useCallback(
    (user: User) => qc.setQueryData<Me>(meQueryKey, (old) => (old ? { ...old, user } : old)),
    [qc],
  );

  const value = useMemo<AuthState>(
    () => ({
      status,
      user: me.data?.user ?? null,
      grants: me.data?.grants ?? [],
      expired,
      login,
      logout,
      setUser,
    }),
    [status, me.data, expired, login, logout, setUser],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
