export { TerritorySelect } from "./TerritorySelect";
export { territoriesKey, territoriesQuery } from "./territories-query";
export { buildTree, flattenTree, pathLabel, territoryOptions, territoryPath, type TerritoryNode } from "./tree";
export { useTerritoryPath } from "./useTerritoryPath";
