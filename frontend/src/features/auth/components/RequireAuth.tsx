import { Navigate, Outlet, useLocation } from "react-router";
import { LoadingState } from "../../../components/states";
import { useAuth } from "../../../lib/auth/auth-context";

/** Routes below need a session; otherwise go to the login page (saying why when the session expired). */
export function RequireAuth() {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === "restoring") return <LoadingState />;
  if (auth.status === "anonymous") {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search, expired: auth.expired }} />;
  }
  return <Outlet />;
}
