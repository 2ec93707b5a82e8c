import { Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LogActivityForm } from "../../features/activities/components/LogActivityForm";
import { AttachmentsTab } from "../../features/attachments/components/AttachmentsTab";
import DealPage from "../../features/deals/components/DealPage";
import { dealResource } from "../../features/deals/model/types";
import { useAuth } from "../../lib/auth/auth-context";
import { can } from "../../lib/permissions";

/** The deal page with the app's other modules below it: log an activity on the deal, its attachments. */
export default function DealRoute() {
  const { t } = useTranslation();
  const { grants } = useAuth();
  return (
    <DealPage
      extra={(d) => {
        const canEdit = can(grants, dealResource(d.kind), "update");
        return (
          <Stack>
            {can(grants, "activities", "create") && (
              <Stack gap="xs">
                <Title order={3} size="h4">
                  {t("activities.title")}
                </Title>
                {/* The activity lands on the deal's timeline below (and on the partner's). */}
                <LogActivityForm owner={{ deal_id: d.id, partner_id: d.partner_id }} />
              </Stack>
            )}
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="sm">
                {t("partners.tabs.attachments")}
              </Title>
              <AttachmentsTab entityType="deal" entityId={d.id} canUpload={canEdit} canDelete={canEdit} />
            </Paper>
          </Stack>
        );
      }}
    />
  );
}
