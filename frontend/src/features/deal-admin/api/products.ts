import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { PriceList, PriceListFields, Product, ProductFields } from "../model/types";

export const productsKey = ["products"] as const;
export const priceListsKey = ["price-lists"] as const;

/** GET /api/v1/products, page after page (q matches code or name; `active` null: both). */
export const productsQuery = (q: string, active: boolean | null) =>
  infiniteQueryOptions({
    queryKey: [...productsKey, "list", q, active],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/products", {
          params: { query: { q: q || undefined, active: active ?? undefined, limit: 50, sort: "code", cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? null,
  });

/** The single product, with its prices (the list leaves them out). */
export const productQuery = (id: string) =>
  queryOptions({
    queryKey: [...productsKey, "detail", id],
    queryFn: () => unwrap(api.GET("/api/v1/products/{id}", { params: { path: { id } } })),
  });

export const createProduct = (body: ProductFields) => unwrap(api.POST("/api/v1/products", { body }));

export const updateProduct = (p: Product, body: ProductFields) =>
  unwrap(api.PATCH("/api/v1/products/{id}", { params: { path: { id: p.id }, header: ifMatch(p.version) }, body }));

export const deleteProduct = (p: Product) =>
  unwrap(api.DELETE("/api/v1/products/{id}", { params: { path: { id: p.id }, header: ifMatch(p.version) } }));

export const priceListsQuery = queryOptions({
  queryKey: priceListsKey,
  queryFn: () => unwrap(api.GET("/api/v1/price-lists")),
});

export const createPriceList = (body: PriceListFields) => unwrap(api.POST("/api/v1/price-lists", { body }));

export const updatePriceList = (l: PriceList, body: PriceListFields) =>
  unwrap(api.PATCH("/api/v1/price-lists/{id}", { params: { path: { id: l.id }, header: ifMatch(l.version) }, body }));

export const deletePriceList = (l: PriceList) =>
  unwrap(api.DELETE("/api/v1/price-lists/{id}", { params: { path: { id: l.id }, header: ifMatch(l.version) } }));
