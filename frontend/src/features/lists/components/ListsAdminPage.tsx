import { Stack, Tabs, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { MANAGED_LISTS } from "../../../components/ListItemSelect";
import { ListItemsPanel } from "./ListItemsPanel";

/** Administration of the managed lists: one tab per list (?list=<name> keeps the open one). */
export default function ListsAdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const active = MANAGED_LISTS.find((l) => l === params.get("list")) ?? MANAGED_LISTS[0];
  return (
    <Stack>
      <Title order={2}>{t("lists.title")}</Title>
      <Tabs value={active} onChange={(v) => v && setParams({ list: v }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {MANAGED_LISTS.map((l) => (
            <Tabs.Tab key={l} value={l}>
              {t(`lists.names.${l}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {MANAGED_LISTS.map((l) => (
          <Tabs.Panel key={l} value={l} pt="md">
            <ListItemsPanel list={l} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
