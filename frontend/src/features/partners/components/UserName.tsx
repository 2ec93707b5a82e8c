import { useUserName } from "../api/users";

/** A user's name, or nothing when the caller may not read that user. */
export function UserName({ id }: { id: string | null | undefined }) {
  return <>{useUserName(id)}</>;
}
