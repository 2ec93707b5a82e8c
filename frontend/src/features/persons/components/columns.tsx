import { Badge } from "@mantine/core";
import type { TFunction } from "i18next";
import type { Column } from "../../../components/DataTable";
import type { Person } from "../../../lib/api/types";
import { PartnerName } from "./PartnerName";

export const personName = (p: Pick<Person, "first_name" | "last_name">) => `${p.first_name} ${p.last_name}`;

export function personColumns(t: TFunction, withPartner: boolean): Column<Person>[] {
  return [
    { key: "name", header: t("fields.name"), sortField: "last_name", render: personName },
    ...(withPartner ? [{ key: "partner", header: t("fields.partner_id"), render: (p: Person) => <PartnerName id={p.partner_id} /> }] : []),
    { key: "position", header: t("fields.position"), render: (p) => p.position ?? "" },
    { key: "emails", header: t("fields.emails"), render: (p) => p.emails.join(", ") },
    { key: "phones", header: t("fields.phones"), render: (p) => p.phones.join(", ") },
    {
      key: "marketing_consent",
      header: t("fields.marketing_consent"),
      render: (p) => (p.marketing_consent ? <Badge color="green" variant="light">{t("common.yes")}</Badge> : t("common.no")),
    },
  ];
}
