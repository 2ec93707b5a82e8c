import { Anchor } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { partnerNameQuery } from "../api/links";

/** A link to the person's partner, named; nothing when there is none or it is not visible. */
export function PartnerName({ id, link = false }: { id: string | null | undefined; link?: boolean }) {
  const name = useQuery({ ...partnerNameQuery(id ?? ""), enabled: Boolean(id) });
  if (!id || !name.data) return null;
  return link ? (
    <Anchor component={Link} to={`/partners/${id}`} onClick={(e) => e.stopPropagation()}>
      {name.data}
    </Anchor>
  ) : (
    <>{name.data}</>
  );
}
