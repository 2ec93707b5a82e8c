import { Stack } from "@mantine/core";
import type { ActivityOwner } from "../api/activities";
import { ActivityTimeline } from "./ActivityTimeline";
import { LogActivityForm } from "./LogActivityForm";

/** A timeline with the quick log form above it (when the caller may create activities). */
export function ActivitiesTab({ owner, canCreate }: { owner: ActivityOwner; canCreate: boolean }) {
  return (
    <Stack>
      {canCreate && <LogActivityForm owner={owner} />}
      <ActivityTimeline owner={owner} />
    </Stack>
  );
}
