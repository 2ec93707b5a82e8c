import { Stack, Tabs, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { CUSTOM_ENTITIES } from "../model/definition-form";
import { CustomFieldsPanel } from "./CustomFieldsPanel";

/** Administration of custom fields: one tab per entity (?entity=<name> keeps the open one). */
export default function CustomFieldsAdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const active = CUSTOM_ENTITIES.find((e) => e === params.get("entity")) ?? CUSTOM_ENTITIES[0];
  return (
    <Stack>
      <Title order={2}>{t("customFields.title")}</Title>
      <Text c="dimmed" size="sm">
        {t("customFields.intro")}
      </Text>
      <Tabs value={active} onChange={(v) => v && setParams({ entity: v }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {CUSTOM_ENTITIES.map((e) => (
            <Tabs.Tab key={e} value={e}>
              {t(`customFields.entities.${e}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {CUSTOM_ENTITIES.map((e) => (
          <Tabs.Panel key={e} value={e} pt="md">
            <CustomFieldsPanel entity={e} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
