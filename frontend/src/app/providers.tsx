import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense, useMemo, type ComponentProps, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ListSlotsContext } from "../components/ResourceList/slots";
import { AuthProvider } from "../features/auth/components/AuthProvider";
import { isApiError } from "../lib/api/problem";
import { makeTheme } from "./theme";

const SavedViewsMenuLazy = lazy(() =>
  import("../features/saved-views/components/SavedViewsMenu").then((m) => ({ default: m.SavedViewsMenu })),
);
function SavedViews(props: ComponentProps<typeof SavedViewsMenuLazy>) {
  return (
    <Suspense fallback={null}>
      <SavedViewsMenuLazy {...props} />
    </Suspense>
  );
}
const slots = { SavedViews };

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (401/403/404/4xx) will not change by retrying.
      retry: (count, err) => count < 2 && !(isApiError(err) && err.status >= 400 && err.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

export function Providers({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const theme = useMemo(() => makeTheme(t), [t, i18n.language]);
  return (
    <MantineProvider theme={theme}>
      {/* Bottom right: page headers keep their actions (Convert, New, Save) at the top right, where toasts
          covered them; a pointer resting on a toast also pauses its timer, so it would never go away. */}
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <ListSlotsContext.Provider value={slots}>
          <AuthProvider>{children}</AuthProvider>
        </ListSlotsContext.Provider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
