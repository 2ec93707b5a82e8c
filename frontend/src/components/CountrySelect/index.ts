export { CountrySelect } from "./CountrySelect";
export { COUNTRY_CODES, countryName, countryOptions } from "./countries";
