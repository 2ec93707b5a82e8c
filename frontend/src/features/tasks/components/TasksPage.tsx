import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { AbsencesSection } from "./AbsencesSection";
import { DeadlineList } from "./DeadlineList";
import { NewTaskForm } from "./NewTaskForm";

/** My tasks: what is due (and overdue), a quick way to add one, and my absences. */
export default function TasksPage() {
  const { t } = useTranslation();
  const { grants } = useAuth();
  return (
    <Stack>
      <Title order={2}>{t("tasks.title")}</Title>
      <NewTaskForm />
      <DeadlineList />
      {can(grants, "absences", "read") && <AbsencesSection />}
    </Stack>
  );
}
