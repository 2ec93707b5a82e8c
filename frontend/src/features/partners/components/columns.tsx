import type { TFunction } from "i18next";
import type { Column } from "../../../components/DataTable";
import { countryName } from "../../../components/CountrySelect";
import type { Partner } from "../../../lib/api/types";
import { PartnerStatusBadge } from "./StatusBadge";
import { UserName } from "./UserName";

export function partnerColumns(t: TFunction, lang: string, groupName: (id: string | null | undefined) => string): Column<Partner>[] {
  return [
    { key: "name", header: t("fields.name"), sortField: "name", render: (p) => p.name },
    { key: "city", header: t("fields.city"), sortField: "city", render: (p) => p.city ?? "" },
    { key: "country", header: t("fields.country"), sortField: "country", render: (p) => (p.country ? countryName(p.country, lang) : "") },
    { key: "status", header: t("fields.status"), sortField: "status", render: (p) => <PartnerStatusBadge partner={p} /> },
    { key: "primary_owner", header: t("fields.primary_owner_id"), render: (p) => <UserName id={p.primary_owner_id} /> },
    { key: "group", header: t("fields.group_id"), render: (p) => groupName(p.group_id) },
  ];
}
