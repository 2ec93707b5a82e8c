import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import type { Partner } from "../../../lib/api/types";
import type { GrantLike } from "../../../lib/permissions";

export interface PartnerTabContext {
  partner: Partner;
  /** A saved or reloaded version of the partner: updates the page and its caches. */
  onRecord: (p: Partner) => void;
  /** The partner went to the trash. */
  onDeleted: () => void;
  /** The caller's grants, for what the tab offers. */
  grants: readonly GrantLike[];
}

/**
 * One tab of the partner page. The app composes the list (src/app/partner-tabs.tsx), so later modules
 * (activities, attachments, deals) add a tab there without touching this feature.
 */
export interface PartnerTab {
  /** Stable and URL-safe: the page remembers the open tab as ?tab=<key>. */
  key: string;
  label: (t: TFunction) => string;
  /** Hidden when the caller's grants do not allow it. */
  visible?: (grants: readonly GrantLike[]) => boolean;
  render: (ctx: PartnerTabContext) => ReactNode;
}
