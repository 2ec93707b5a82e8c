import { PartnerPage } from "../../features/partners/components/PartnerPage";
import { PARTNER_TABS } from "../partner-tabs";

/** The partner page with the tabs the app composes from several features (lazy-loaded as one chunk). */
export default function PartnerRoute() {
  return <PartnerPage tabs={PARTNER_TABS} />;
}
