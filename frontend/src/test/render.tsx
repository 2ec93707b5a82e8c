import { MantineProvider } from "@mantine/core";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import "../i18n";

export function renderUi(ui: ReactElement) {
  return render(<MantineProvider>{ui}</MantineProvider>);
}
