import { Modal, PasswordInput, createTheme, type MantineThemeOverride } from "@mantine/core";
import type { TFunction } from "i18next";

/** The theme, with the component library's own built-in labels translated (they default to English). */
export function makeTheme(t: TFunction): MantineThemeOverride {
  return createTheme({
    primaryColor: "blue",
    focusRing: "always",
    components: {
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { "aria-label": t("common.togglePassword") } },
      }),
      Modal: Modal.extend({
        defaultProps: { closeButtonProps: { "aria-label": t("common.close") } },
      }),
    },
  });
}
