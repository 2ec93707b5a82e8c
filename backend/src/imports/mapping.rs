//! What columns can be mapped to, per entity, and the suggestion of a mapping from header names
//! in English, Croatian, Polish and Romanian (compared without case, accents or punctuation).
use super::dto::{ImportEntity, ImportField, Mapping};
use crate::custom_fields::dto::CustomField;
use crate::error::{ApiError, ApiResult, FieldError};

/// A fixed field: its name, label, whether a create needs it, whether a cell holds several values,
/// and the header names that mean it.
struct Known {
    name: &'static str,
    label: &'static str,
    required: bool,
    multiple: bool,
    synonyms: &'static [&'static str],
}

const fn field(
    name: &'static str,
    label: &'static str,
    synonyms: &'static [&'static str],
) -> Known {
    Known {
        name,
        label,
        required: false,
        multiple: false,
        synonyms,
    }
}

const fn required(mut k: Known) -> Known {
    k.required = true;
    k
}

const fn multiple(mut k: Known) -> Known {
    k.multiple = true;
    k
}

const EMAILS: &[&str] = &[
    "email",
    "emails",
    "e-mail",
    "mail",
    "email address",
    "adresa e-poste",
    "e-posta",
    "adres email",
    "adres e-mail",
    "adresa email",
    "posta electronica",
];
const PHONES: &[&str] = &[
    "phone",
    "phones",
    "telephone",
    "tel",
    "mobile",
    "mob",
    "gsm",
    "telefon",
    "broj telefona",
    "mobitel",
    "telefon komorkowy",
    "numer telefonu",
    "numar de telefon",
];
const CITY: &[&str] = &[
    "city",
    "town",
    "grad",
    "mjesto",
    "miasto",
    "miejscowosc",
    "oras",
    "localitate",
];
const COUNTRY: &[&str] = &["country", "drzava", "kraj", "tara", "country code"];
const NOTES: &[&str] = &[
    "notes",
    "note",
    "remarks",
    "comment",
    "napomena",
    "biljeska",
    "uwagi",
    "notatki",
    "observatii",
    "note interne",
];

const PARTNERS: &[Known] = &[
    required(field(
        "name",
        "Name",
        &[
            "name",
            "company",
            "company name",
            "partner",
            "naziv",
            "ime",
            "tvrtka",
            "naziv tvrtke",
            "firma",
            "nazwa",
            "nazwa firmy",
            "denumire",
            "nume",
            "companie",
            "societate",
            "client",
        ],
    )),
    field(
        "kind",
        "Kind",
        &["kind", "type", "vrsta", "tip", "typ", "rodzaj"],
    ),
    field(
        "is_customer",
        "Customer",
        &[
            "customer",
            "is customer",
            "kupac",
            "klijent",
            "klient",
            "odbiorca",
        ],
    ),
    field(
        "is_supplier",
        "Supplier",
        &[
            "supplier",
            "is supplier",
            "dobavljac",
            "dostawca",
            "furnizor",
        ],
    ),
    field(
        "tax_id",
        "Tax id",
        &[
            "tax id",
            "vat",
            "vat id",
            "vat number",
            "tax number",
            "oib",
            "pdv id",
            "porezni broj",
            "nip",
            "cui",
            "cif",
            "cod fiscal",
            "cod unic de inregistrare",
        ],
    ),
    field(
        "tax_country",
        "Tax country",
        &[
            "tax country",
            "vat country",
            "drzava oib",
            "kraj nip",
            "tara cui",
        ],
    ),
    field(
        "registration_number",
        "Registration number",
        &[
            "registration number",
            "company number",
            "mb",
            "maticni broj",
            "mbs",
            "regon",
            "krs",
            "nr reg com",
            "numar de inregistrare",
            "nr registrul comertului",
        ],
    ),
    field(
        "street",
        "Street",
        &[
            "street",
            "address",
            "adresa",
            "ulica",
            "ulica i broj",
            "adres",
            "strada",
        ],
    ),
    field("city", "City", CITY),
    field(
        "postal_code",
        "Postal code",
        &[
            "postal code",
            "zip",
            "zip code",
            "postcode",
            "postanski broj",
            "pbr",
            "kod pocztowy",
            "cod postal",
        ],
    ),
    field(
        "region",
        "Region",
        &[
            "region",
            "state",
            "county",
            "province",
            "zupanija",
            "regija",
            "wojewodztwo",
            "judet",
        ],
    ),
    field("country", "Country", COUNTRY),
    multiple(field("phones", "Phones", PHONES)),
    multiple(field("emails", "Emails", EMAILS)),
    field(
        "website",
        "Website",
        &[
            "website",
            "web",
            "www",
            "url",
            "web stranica",
            "internet",
            "strona",
            "strona www",
            "site",
            "pagina web",
        ],
    ),
    field(
        "group_id",
        "Group",
        &[
            "group",
            "partner group",
            "grupa",
            "grupa partnera",
            "grupa klientow",
            "grup",
        ],
    ),
    field(
        "legal_form_id",
        "Legal form",
        &[
            "legal form",
            "pravni oblik",
            "forma prawna",
            "forma juridica",
        ],
    ),
    field("status", "Status", &["status", "stanje", "stare"]),
    multiple(field(
        "tags",
        "Tags",
        &["tags", "labels", "oznake", "tagi", "etykiety", "etichete"],
    )),
    field("notes", "Notes", NOTES),
];

const FIRST_NAME: &[&str] = &[
    "first name",
    "given name",
    "firstname",
    "ime",
    "imie",
    "prenume",
];
const LAST_NAME: &[&str] = &[
    "last name",
    "surname",
    "family name",
    "lastname",
    "prezime",
    "nazwisko",
    "nume",
    "nume de familie",
];

const PERSONS: &[Known] = &[
    required(field("first_name", "First name", FIRST_NAME)),
    required(field("last_name", "Last name", LAST_NAME)),
    field("partner_id", "Partner", &["partner id"]),
    field(
        "position",
        "Position",
        &[
            "position",
            "title",
            "job title",
            "role",
            "funkcija",
            "radno mjesto",
            "pozicija",
            "stanowisko",
            "functie",
            "pozitie",
        ],
    ),
    multiple(field("emails", "Emails", EMAILS)),
    multiple(field("phones", "Phones", PHONES)),
    field(
        "marketing_consent",
        "Marketing consent",
        &[
            "marketing consent",
            "consent",
            "privola",
            "suglasnost",
            "zgoda",
            "zgoda marketingowa",
            "consimtamant",
            "acord marketing",
        ],
    ),
    field(
        "consent_source",
        "Consent source",
        &[
            "consent source",
            "izvor privole",
            "zrodlo zgody",
            "sursa consimtamant",
        ],
    ),
];

const LEADS: &[Known] = &[
    required(field("first_name", "First name", FIRST_NAME)),
    required(field("last_name", "Last name", LAST_NAME)),
    field(
        "company_name",
        "Company",
        &[
            "company",
            "company name",
            "organisation",
            "organization",
            "tvrtka",
            "firma",
            "poduzece",
            "nazwa firmy",
            "companie",
            "societate",
        ],
    ),
    field("email", "Email", EMAILS),
    field("phone", "Phone", PHONES),
    field("city", "City", CITY),
    field("country", "Country", COUNTRY),
    field(
        "source_id",
        "Source",
        &["source", "lead source", "izvor", "zrodlo", "sursa"],
    ),
    field("status", "Status", &["status", "stanje", "stare"]),
    field("notes", "Notes", NOTES),
];

fn known(entity: ImportEntity) -> &'static [Known] {
    match entity {
        ImportEntity::Partners => PARTNERS,
        ImportEntity::Persons => PERSONS,
        ImportEntity::Leads => LEADS,
    }
}

pub const CUSTOM_PREFIX: &str = "custom_fields.";

/// Every field of `entity` a column can be mapped to, its custom fields last.
pub fn fields(entity: ImportEntity, custom: &[CustomField]) -> Vec<ImportField> {
    let mut out: Vec<ImportField> = known(entity)
        .iter()
        .map(|k| ImportField {
            name: k.name.into(),
            label: k.label.into(),
            required: k.required,
            multiple: k.multiple,
        })
        .collect();
    out.extend(custom.iter().map(|c| ImportField {
        name: format!("{CUSTOM_PREFIX}{}", c.key),
        label: c.label.clone(),
        required: c.required,
        multiple: c.field_type.as_str() == "multi_choice",
    }));
    out
}

/// Whether a cell of `field` holds several values.
pub fn is_multiple(entity: ImportEntity, field: &str) -> bool {
    known(entity).iter().any(|k| k.name == field && k.multiple)
}

/// Lower case, accents folded to their base letter (đ -> d, ł -> l), anything else but letters
/// and digits turned into single spaces.
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().to_lowercase().chars() {
        let base = match c {
            'á' | 'à' | 'â' | 'ä' | 'ă' | 'ą' | 'ã' => 'a',
            'č' | 'ć' | 'ç' => 'c',
            'ď' | 'đ' => 'd',
            'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
            'í' | 'î' | 'ï' => 'i',
            'ł' | 'ľ' | 'ĺ' => 'l',
            'ń' | 'ň' | 'ñ' => 'n',
            'ó' | 'ô' | 'ö' | 'ő' => 'o',
            'ř' => 'r',
            'š' | 'ś' | 'ș' | 'ş' => 's',
            'ț' | 'ţ' | 'ť' => 't',
            'ú' | 'ů' | 'ü' | 'ű' => 'u',
            'ý' => 'y',
            'ž' | 'ź' | 'ż' => 'z',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        if base == ' ' {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(base);
        }
    }
    out.trim_end().to_owned()
}

/// Header -> field for every header that names a field (by its synonyms, its own name or, for a
/// custom field, its key or label); each field is taken by the first header that names it.
pub fn suggest(entity: ImportEntity, custom: &[CustomField], headers: &[String]) -> Mapping {
    let mut mapping = Mapping::new();
    let mut taken: Vec<String> = Vec::new();
    for header in headers {
        let h = normalise(header);
        if h.is_empty() {
            continue;
        }
        let fixed = known(entity)
            .iter()
            .find(|k| normalise(k.name) == h || k.synonyms.iter().any(|s| normalise(s) == h));
        let name = match fixed {
            Some(k) => Some(k.name.to_owned()),
            None => custom
                .iter()
                .find(|c| normalise(&c.key) == h || normalise(&c.label) == h)
                .map(|c| format!("{CUSTOM_PREFIX}{}", c.key)),
        };
        if let Some(name) = name.filter(|n| !taken.contains(n)) {
            taken.push(name.clone());
            mapping.insert(header.clone(), name);
        }
    }
    mapping
}

/// The mapping checked against the file's headers and the entity's fields (all problems at once);
/// returned as column index -> field.
pub fn resolve(
    entity: ImportEntity,
    custom: &[CustomField],
    headers: &[String],
    mapping: &Mapping,
) -> ApiResult<Vec<(usize, String)>> {
    let names: Vec<String> = fields(entity, custom).into_iter().map(|f| f.name).collect();
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut used: Vec<&str> = Vec::new();
    for (header, name) in mapping {
        let at = format!("mapping.{header}");
        match headers.iter().position(|h| h == header) {
            None => errors.push(FieldError::new(
                &at,
                "unknown_column",
                "The file has no such column.",
            )),
            Some(_) if !names.contains(name) => errors.push(FieldError::new(
                &at,
                "unknown_field",
                format!("`{name}` is not a field of {}.", entity.as_str()),
            )),
            Some(_) if used.contains(&name.as_str()) => errors.push(FieldError::new(
                &at,
                "mapped_twice",
                format!("Another column is already mapped to `{name}`."),
            )),
            Some(index) => {
                used.push(name);
                out.push((index, name.clone()));
            }
        }
    }
    if out.is_empty() && errors.is_empty() {
        errors.push(FieldError::new(
            "mapping",
            "empty",
            "Map at least one column to a field.",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn suggests_from_four_languages() {
        let h = headers(&["Naziv", "OIB", "Poštanski broj", "Grad", "E-mail"]);
        let m = suggest(ImportEntity::Partners, &[], &h);
        assert_eq!(m.get("Naziv").map(String::as_str), Some("name"));
        assert_eq!(m.get("OIB").map(String::as_str), Some("tax_id"));
        assert_eq!(
            m.get("Poštanski broj").map(String::as_str),
            Some("postal_code")
        );
        assert_eq!(m.get("E-mail").map(String::as_str), Some("emails"));
        let pl = suggest(
            ImportEntity::Partners,
            &[],
            &headers(&["Nazwa firmy", "NIP", "Miejscowość", "Województwo"]),
        );
        assert_eq!(pl.len(), 4, "{pl:?}");
        let ro = suggest(
            ImportEntity::Persons,
            &[],
            &headers(&["Prenume", "Nume", "Funcție"]),
        );
        assert_eq!(ro.get("Nume").map(String::as_str), Some("last_name"));
        assert_eq!(ro.get("Funcție").map(String::as_str), Some("position"));
    }

    #[test]
    fn a_bad_mapping_names_every_problem() {
        let h = headers(&["A", "B"]);
        let mut m = Mapping::new();
        m.insert("A".into(), "name".into());
        m.insert("B".into(), "nonsense".into());
        m.insert("C".into(), "city".into());
        let Err(ApiError::Validation(errors)) = resolve(ImportEntity::Partners, &[], &h, &m) else {
            panic!("expected a validation error");
        };
        assert_eq!(errors.len(), 2);
    }
}
