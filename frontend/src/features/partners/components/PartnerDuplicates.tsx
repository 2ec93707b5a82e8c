import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { DuplicateMatch, Partner } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { can } from "../../../lib/permissions";
import { partnerDuplicatesQuery } from "../api/duplicates";
import { partnerQueryKey } from "../api/partners";
import { DuplicateWarning } from "./DuplicateWarning";
import { MergePartnerModal } from "./MergePartnerModal";

/**
 * An existing partner's likely duplicates (e.g. right after "Create anyway"): open one, or merge this
 * partner into it with the merge dialog, the duplicate preselected. Nothing shows when there is none.
 */
export function PartnerDuplicates({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const { grants } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [target, setTarget] = useState<DuplicateMatch | null>(null);
  const [keptId, setKeptId] = useState<string | null>(null);
  const duplicates = useQuery({ ...partnerDuplicatesQuery(partner), enabled: !partner.deleted_at });
  const found = duplicates.data;
  if (!found || found.matches.length === 0) return null;
  // Merging moves this partner's data into the other one and deletes this one.
  const canMerge = can(grants, "partners", "update") && can(grants, "partners", "delete");
  return (
    <>
      <DuplicateWarning
        duplicates={found}
        explanation={t("partners.duplicates.existingExplanation")}
        onMerge={canMerge ? setTarget : undefined}
      />
      {target && (
        <MergePartnerModal
          partner={target.partner}
          preselected={{ id: partner.id, label: partner.city ? `${partner.name} (${partner.city})` : partner.name }}
          onMerged={(r) => {
            setKeptId(r.partner.id);
            qc.setQueryData(partnerQueryKey(r.partner.id), r.partner);
            void qc.invalidateQueries({ queryKey: ["list"] });
            void qc.invalidateQueries({ queryKey: ["activities"] });
            void qc.invalidateQueries({ queryKey: ["partners", "duplicates"] });
          }}
          onClose={() => {
            setTarget(null);
            // This partner is gone once merged: go to the one that stayed.
            if (keptId) navigate(`/partners/${keptId}`, { replace: true });
          }}
        />
      )}
    </>
  );
}
