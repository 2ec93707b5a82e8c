import { HistoryPanel } from "../components/HistoryPanel";
import { WhyPanel } from "../features/assignment/components/WhyPanel";
import { ActivitiesTab } from "../features/activities/components/ActivitiesTab";
import { AttachmentsTab } from "../features/attachments/components/AttachmentsTab";
import { Stack } from "@mantine/core";
import { BranchesTab } from "../features/branches/components/BranchesTab";
import { PartnerDetailsTab } from "../features/partners/components/PartnerDetailsTab";
import { PartnerOwnersTab } from "../features/partners/components/PartnerOwnersTab";
import type { PartnerTab } from "../features/partners/components/tabs";
import { MessageButtons } from "../features/outbox/components/MessageButtons";
import { PartnerPersonsTab } from "../features/persons/components/PartnerPersonsTab";
import { can } from "../lib/permissions";

/**
 * The tabs of the partner page, in order. A module that shows something per partner (activities,
 * attachments, deals) adds one entry here.
 */
export const PARTNER_TABS: readonly PartnerTab[] = [
  { key: "details", label: (t) => t("partners.tabs.details"), render: (ctx) => <PartnerDetailsTab {...ctx} /> },
  {
    key: "branches",
    label: (t) => t("partners.tabs.branches"),
    render: ({ partner, grants }) => <BranchesTab partnerId={partner.id} canEdit={!partner.deleted_at && can(grants, "partners", "update")} />,
  },
  {
    key: "persons",
    label: (t) => t("partners.tabs.persons"),
    visible: (grants) => can(grants, "persons", "read"),
    render: ({ partner }) => <PartnerPersonsTab partnerId={partner.id} />,
  },
  {
    key: "activities",
    label: (t) => t("partners.tabs.activities"),
    visible: (grants) => can(grants, "activities", "read"),
    // Emails and faxes sent from here are logged on this timeline, so they start here too.
    render: ({ partner, grants }) => (
      <Stack>
        {!partner.deleted_at && can(grants, "emails", "create") && <MessageButtons partnerId={partner.id} emails={partner.emails?.slice(0, 1) ?? []} />}
        <ActivitiesTab owner={{ partner_id: partner.id }} canCreate={!partner.deleted_at && can(grants, "activities", "create")} />
      </Stack>
    ),
  },
  {
    key: "attachments",
    label: (t) => t("partners.tabs.attachments"),
    render: ({ partner, grants }) => {
      const canEdit = !partner.deleted_at && can(grants, "partners", "update");
      return <AttachmentsTab entityType="partner" entityId={partner.id} canUpload={canEdit} canDelete={canEdit} />;
    },
  },
  {
    key: "owners",
    label: (t) => t("partners.tabs.owners"),
    // Who owns it, and why: the rules that apply to it and which of them won.
    render: (ctx) => (
      <Stack maw={960}>
        <PartnerOwnersTab {...ctx} />
        <WhyPanel partnerId={ctx.partner.id} version={ctx.partner.version} />
      </Stack>
    ),
  },
  {
    key: "history",
    label: (t) => t("partners.tabs.history"),
    visible: (grants) => can(grants, "history", "read"),
    render: ({ partner }) => <HistoryPanel entityType="partner" entityId={partner.id} />,
  },
];
