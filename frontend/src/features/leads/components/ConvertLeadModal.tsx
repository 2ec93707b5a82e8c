import { Button, Group, Modal, Radio, Select, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/RecordForm";
import type { Lead, LeadConversion } from "../../../lib/api/types";
import { errorMessage } from "../../../lib/errors";
import { convertLead } from "../api/leads";
import { convertPartnerOptionsQuery } from "../api/partner-options";

/** Convert a lead: a new partner (default) or an existing one, searched on the server. */
export function ConvertLeadModal({ lead, onClose, onConverted }: { lead: Lead; onClose: () => void; onConverted: (c: LeadConversion) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<"new" | "existing">("new");
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const options = useQuery({ ...convertPartnerOptionsQuery(debounced), enabled: mode === "existing" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onConverted(await convertLead(lead, mode === "existing" ? partnerId : null));
    } catch (err) {
      setError(errorMessage(t, err));
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t("leads.convert")} centered>
      <Stack>
        <FormError message={error} />
        <Radio.Group value={mode} onChange={(v) => setMode(v as "new" | "existing")} label={t("leads.convertTo")}>
          <Stack gap="xs" mt="xs">
            <Radio value="new" label={t("leads.convertNew")} />
            <Radio value="existing" label={t("leads.convertExisting")} />
          </Stack>
        </Radio.Group>
        {mode === "existing" && (
          <Select
            label={t("fields.partner_id")}
            data={options.data ?? []}
            value={partnerId}
            onChange={setPartnerId}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={() => void submit()} loading={busy} disabled={mode === "existing" && !partnerId}>
            {t("leads.convert")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
