import { emptyPartnerFilters, listQuery, needsListEndpoint, typedFilter } from "./list-filters";

describe("partner list filters", () => {
  it("is no filter when nothing is chosen", () => {
    expect(typedFilter(emptyPartnerFilters)).toBeNull();
  });

  it("searches name, tax id and city like the typed q parameter", () => {
    expect(typedFilter({ ...emptyPartnerFilters, q: " zag " })).toEqual({
      or: [
        { field: "name", op: "contains", value: "zag" },
        { field: "tax_id", op: "contains", value: "zag" },
        { field: "city", op: "contains", value: "zag" },
      ],
    });
  });

  it("combines the typed filters with AND; unassigned wins over an owner", () => {
    expect(
      typedFilter({ ...emptyPartnerFilters, status: "active", group_id: "g1", owner_id: "u1", unassigned: true, relation: "supplier" }),
    ).toEqual({
      and: [
        { field: "status", op: "eq", value: "active" },
        { field: "group_id", op: "eq", value: "g1" },
        { field: "primary_owner_id", op: "is_null", value: true },
        { field: "is_supplier", op: "eq", value: true },
      ],
    });
    expect(typedFilter({ ...emptyPartnerFilters, owner_id: "u1", relation: "customer" })).toEqual({
      and: [
        { field: "primary_owner_id", op: "eq", value: "u1" },
        { field: "is_customer", op: "eq", value: true },
      ],
    });
  });
});

describe("my partners and territory", () => {
  it("read from GET /partners, with the typed parameters", () => {
    expect(needsListEndpoint(emptyPartnerFilters)).toBe(false);
    const f = { ...emptyPartnerFilters, mine: true, territory_id: "t1", relation: "customer", q: " a " };
    expect(needsListEndpoint(f)).toBe(true);
    expect(listQuery(f)).toMatchObject({ q: "a", mine: true, territory_id: "t1", is_customer: true, owner_id: undefined });
  });
});
