import { createContext, useContext } from "react";
import type { Grant, User } from "../api/types";

export type AuthStatus = "restoring" | "anonymous" | "authenticated";

export interface AuthState {
  status: AuthStatus;
  user: User | null;
  grants: Grant[];
  /** True after the session ended because the refresh token was refused. */
  expired: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  setUser(user: User): void;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error("useAuth outside AuthProvider");
  return ctx;
}
