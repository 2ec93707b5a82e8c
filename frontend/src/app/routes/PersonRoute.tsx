import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ActivitiesTab } from "../../features/activities/components/ActivitiesTab";
import PersonPage from "../../features/persons/components/PersonPage";
import { useAuth } from "../../lib/auth/auth-context";
import { can } from "../../lib/permissions";

/** The person page with the person's activities below it. */
export default function PersonRoute() {
  const { t } = useTranslation();
  const { grants } = useAuth();
  return (
    <PersonPage
      extra={(p) =>
        can(grants, "activities", "read") && (
          <Stack>
            <Title order={3}>{t("activities.title")}</Title>
            <ActivitiesTab
              owner={{ person_id: p.id }}
              canCreate={!p.deleted_at && can(grants, "activities", "create")}
            />
          </Stack>
        )
      }
    />
  );
}
