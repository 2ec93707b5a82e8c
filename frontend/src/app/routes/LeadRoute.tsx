import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ActivitiesTab } from "../../features/activities/components/ActivitiesTab";
import LeadPage from "../../features/leads/components/LeadPage";
import { useAuth } from "../../lib/auth/auth-context";
import { can } from "../../lib/permissions";

/** The lead page with the lead's activities below it (read-only once converted). */
export default function LeadRoute() {
  const { t } = useTranslation();
  const { grants } = useAuth();
  return (
    <LeadPage
      extra={(l) =>
        can(grants, "activities", "read") && (
          <Stack>
            <Title order={3}>{t("activities.title")}</Title>
            <ActivitiesTab owner={{ lead_id: l.id }} canCreate={!l.converted_at && l.status !== "converted" && can(grants, "activities", "create")} />
          </Stack>
        )
      }
    />
  );
}
