import { api } from "../../../lib/api/client";
import { ifMatch, unwrap } from "../../../lib/api/unwrap";
import type { CreateCustomField, CustomField, UpdateCustomField } from "../../../lib/api/types";

const path = (f: CustomField) => ({ path: { id: f.id } });

export const fetchCustomField = (id: string) => unwrap(api.GET("/api/v1/custom-fields/{id}", { params: { path: { id } } }));

export const createCustomField = (body: CreateCustomField) => unwrap(api.POST("/api/v1/custom-fields", { body }));

export const updateCustomField = (f: CustomField, changes: UpdateCustomField, version = f.version) =>
  unwrap(api.PATCH("/api/v1/custom-fields/{id}", { params: { ...path(f), header: ifMatch(version) }, body: changes }));

/** Deletes the definition and its values on every record. */
export const deleteCustomField = (f: CustomField) =>
  unwrap(api.DELETE("/api/v1/custom-fields/{id}", { params: { ...path(f), header: ifMatch(f.version) } }));
