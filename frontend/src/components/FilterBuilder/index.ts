export { FilterBuilder } from "./FilterBuilder";
export * from "./filter-node";
export { toFilterNode, fromFilterNode } from "./model";
