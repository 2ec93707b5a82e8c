import { listQuery, emptyPartnerFilters } from "../../partners/model/list-filters";
import { leadsExportQuery, personsExportQuery } from "./export";

describe("export query parameters", () => {
  it("sends the persons list's search and trash switch, leaving empty ones out", () => {
    expect(personsExportQuery({ q: "  ana ", trashed: false })).toEqual({ q: "ana", partner_id: undefined, trashed: undefined });
    expect(personsExportQuery({ q: "", trashed: true })).toEqual({ q: undefined, partner_id: undefined, trashed: true });
  });

  it("sends the leads list's search, status and source", () => {
    expect(leadsExportQuery({ q: "", status: "new", sourceId: "s1" })).toEqual({ q: undefined, status: "new", source_id: "s1" });
    expect(leadsExportQuery({ q: "x", status: null, sourceId: null })).toEqual({ q: "x", status: undefined, source_id: undefined });
  });

  it("sends the partners list's typed filters as GET /partners takes them", () => {
    const q = listQuery({ ...emptyPartnerFilters, q: "kraš", relation: "supplier", mine: true });
    expect(q).toMatchObject({ q: "kraš", is_supplier: true, mine: true, is_customer: undefined });
  });
});
