import { Anchor, Badge, Group, Stack, Tabs, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { ErrorState, LoadingState } from "../../../components/states";
import type { Partner } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { partnerQuery, partnerQueryKey } from "../api/partners";
import { PartnerDuplicates } from "./PartnerDuplicates";
import { PartnerStatusBadge } from "./StatusBadge";
import type { PartnerTab, PartnerTabContext } from "./tabs";

/** The partner page: a header and the tabs the app composes (details, branches, persons, owners, history, ...). */
export function PartnerPage({ tabs }: { tabs: readonly PartnerTab[] }) {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const partner = useQuery(partnerQuery(id));
  if (partner.isPending) return <LoadingState />;
  if (partner.isError) return <ErrorState error={partner.error} onRetry={() => void partner.refetch()} />;
  const p = partner.data;
  const ctx: PartnerTabContext = {
    partner: p,
    grants,
    onRecord: (next: Partner) => {
      qc.setQueryData(partnerQueryKey(id), next);
      void qc.invalidateQueries({ queryKey: ["list", "partners"] });
      void qc.invalidateQueries({ queryKey: ["history", "partner", id] });
    },
    onDeleted: () => {
      void qc.invalidateQueries({ queryKey: ["list", "partners"] });
      qc.removeQueries({ queryKey: partnerQueryKey(id) });
      navigate("/partners", { replace: true });
    },
  };
  const shown = tabs.filter((tab) => !tab.visible || tab.visible(grants));
  const active = shown.find((tab) => tab.key === params.get("tab"))?.key ?? shown[0]?.key ?? null;
  return (
    <Stack>
      <Anchor component={Link} to="/partners" size="sm">
        ← {t("partners.title")}
      </Anchor>
      <Group gap="sm">
        <Title order={2}>{p.name}</Title>
        <PartnerStatusBadge partner={p} />
        {p.is_customer && <Badge variant="light">{t("fields.is_customer")}</Badge>}
        {p.is_supplier && <Badge variant="light" color="grape">{t("fields.is_supplier")}</Badge>}
      </Group>
      <PartnerDuplicates key={p.id} partner={p} />
      <Tabs
        value={active}
        onChange={(key) => setParams(key ? { tab: key } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {shown.map((tab) => (
            <Tabs.Tab key={tab.key} value={tab.key}>
              {tab.label(t)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {shown.map((tab) => (
          <Tabs.Panel key={tab.key} value={tab.key} pt="md">
            {tab.render(ctx)}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
