import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/unwrap";
import type { ExchangeRate, SetExchangeRate } from "../model/types";

export const ratesKey = ["exchange-rates"] as const;

/** GET /api/v1/exchange-rates, optionally of one currency. */
export const ratesQuery = (currency: string) =>
  queryOptions({
    queryKey: [...ratesKey, "list", currency],
    queryFn: () => unwrap(api.GET("/api/v1/exchange-rates", { params: { query: { currency: currency || undefined } } })),
  });

/** POST replaces the rate of that currency on that day. */
export const setRate = (body: SetExchangeRate) => unwrap(api.POST("/api/v1/exchange-rates", { body }));

export const deleteRate = (r: ExchangeRate) => unwrap(api.DELETE("/api/v1/exchange-rates/{id}", { params: { path: { id: r.id } } }));

/** An amount (minor units of `currency`) in the company currency at the rate of `on` (today when empty). */
export const convertQuery = (amount: number, currency: string, on: string) =>
  queryOptions({
    queryKey: [...ratesKey, "convert", amount, currency, on],
    queryFn: () => unwrap(api.GET("/api/v1/exchange-rates/convert", { params: { query: { amount, currency, on: on || undefined } } })),
    retry: false,
  });
