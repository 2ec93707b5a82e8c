import { Group, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../../../components/states";
import { TerritorySelect } from "../../../components/TerritorySelect";
import { partnersByQuery } from "../api/partners";
import { RuleUserSelect } from "./RuleCells";
import { SelectablePartners } from "./SelectablePartners";

interface Props {
  selected: ReadonlySet<string>;
  onToggle: (ids: string[], on: boolean) => void;
}

/** Partners of one owner and/or in one territory, to hand over (e.g. when a rep leaves). */
export function PartnersByOwner({ selected, onToggle }: Props) {
  const { t } = useTranslation();
  const [owner, setOwner] = useState<string | null>(null);
  const [territory, setTerritory] = useState<string | null>(null);
  const q = useQuery(partnersByQuery(owner, territory));
  return (
    <Stack>
      <Title order={4}>{t("assignment.reassign.byOwnerTitle")}</Title>
      <Group>
        <RuleUserSelect size="sm" w={240} label={t("assignment.reassign.currentOwner")} clearable value={owner} onChange={setOwner} />
        <TerritorySelect w={280} label={t("assignment.columns.territory")} value={territory} onChange={setTerritory} />
      </Group>
      {!owner && !territory ? null : q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <SelectablePartners label={t("assignment.reassign.byOwnerTitle")} partners={q.data} selected={selected} onToggle={onToggle} />
      )}
    </Stack>
  );
}
