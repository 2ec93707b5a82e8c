import { Center, Text } from "@mantine/core";
import type { ReactNode } from "react";

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Center p="xl">
      <Text c="dimmed">{children}</Text>
    </Center>
  );
}
