//! Tax identification numbers. Croatian OIB, Polish NIP and Romanian CUI/CIF are checked with their
//! national check digits; other EU member states by the format of their VAT numbers; elsewhere only
//! the characters are checked. Input may carry spaces, dots, dashes and the country prefix
//! (`HR 12345678903`, `PL 526-025-02-74`); the stored form is the bare upper-case number.

/// Why a tax id was refused; `code` is the field error code.
#[derive(Debug, PartialEq, Eq)]
pub struct TaxIdError {
    pub code: &'static str,
    pub message: String,
}

fn error(code: &'static str, message: impl Into<String>) -> TaxIdError {
    TaxIdError {
        code,
        message: message.into(),
    }
}

/// The normalized number, or why it is invalid for `country` (ISO 3166-1 alpha-2).
pub fn normalize(country: &str, raw: &str) -> Result<String, TaxIdError> {
    let country = country.trim().to_ascii_uppercase();
    let mut value: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '/'))
        .collect::<String>()
        .to_uppercase();
    let prefix = vat_prefix(&country);
    if value.starts_with(prefix)
        && value.len() > prefix.len()
        && !value[..2].chars().all(|c| c.is_ascii_digit())
    {
        value = value[prefix.len()..].to_owned();
    }
    if value.is_empty()
        || value.len() > 20
        || !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '*')
    {
        return Err(error("invalid_tax_id", "Use letters and digits only."));
    }
    let checked = match country.as_str() {
        "HR" => oib(&value),
        "PL" => nip(&value),
        "RO" => cui(&value),
        _ => match eu_formats(&country) {
            Some(formats) if !formats.iter().any(|f| matches_format(f, &value)) => Err(error(
                "invalid_tax_id",
                format!(
                    "Not a valid {country} VAT number (expected {}).",
                    formats.join(" or ")
                ),
            )),
            _ => Ok(()),
        },
    };
    checked.map(|()| value)
}

/// Greece writes EL on VAT numbers; everyone else their ISO code.
fn vat_prefix(country: &str) -> &str {
    if country == "GR" {
        "EL"
    } else {
        country
    }
}

fn digits(
    value: &str,
    len: std::ops::RangeInclusive<usize>,
    what: &str,
) -> Result<Vec<u32>, TaxIdError> {
    let d: Option<Vec<u32>> = value.chars().map(|c| c.to_digit(10)).collect();
    match d {
        Some(d) if len.contains(&d.len()) => Ok(d),
        _ if len.start() == len.end() => Err(error(
            "invalid_tax_id",
            format!("{what} has {} digits.", len.start()),
        )),
        _ => Err(error(
            "invalid_tax_id",
            format!("{what} has {} to {} digits.", len.start(), len.end()),
        )),
    }
}

fn checksum_error(what: &str) -> TaxIdError {
    error(
        "invalid_checksum",
        format!("The check digit of this {what} is wrong."),
    )
}

/// Croatian OIB: 11 digits, ISO 7064 MOD 11,10.
fn oib(value: &str) -> Result<(), TaxIdError> {
    let d = digits(value, 11..=11, "An OIB")?;
    let mut a = 10;
    for &x in &d[..10] {
        a = (a + x) % 10;
        if a == 0 {
            a = 10;
        }
        a = (a * 2) % 11;
    }
    let check = (11 - a) % 10;
    if check == d[10] {
        Ok(())
    } else {
        Err(checksum_error("OIB"))
    }
}

/// Polish NIP: 10 digits, weighted sum modulo 11.
fn nip(value: &str) -> Result<(), TaxIdError> {
    let d = digits(value, 10..=10, "A NIP")?;
    const W: [u32; 9] = [6, 5, 7, 2, 3, 4, 5, 6, 7];
    let sum: u32 = d.iter().zip(W).map(|(x, w)| x * w).sum();
    if sum % 11 == d[9] {
        Ok(())
    } else {
        Err(checksum_error("NIP"))
    }
}

/// Romanian CUI/CIF: 2 to 10 digits, key 753217532 over the left-padded body.
fn cui(value: &str) -> Result<(), TaxIdError> {
    let d = digits(value, 2..=10, "A CUI")?;
    const KEY: [u32; 9] = [7, 5, 3, 2, 1, 7, 5, 3, 2];
    let (body, check) = d.split_at(d.len() - 1);
    let pad = 9 - body.len();
    let sum: u32 = body.iter().enumerate().map(|(i, x)| x * KEY[pad + i]).sum();
    let expected = (sum * 10 % 11) % 10;
    if expected == check[0] {
        Ok(())
    } else {
        Err(checksum_error("CUI"))
    }
}

/// VAT number shapes of the other member states: `9` a digit, `A` a letter, `X` a letter or digit,
/// anything else itself.
fn eu_formats(country: &str) -> Option<&'static [&'static str]> {
    Some(match country {
        "AT" => &["U99999999"],
        "BE" => &["9999999999"],
        "BG" => &["999999999", "9999999999"],
        "CY" => &["99999999A"],
        "CZ" => &["99999999", "999999999", "9999999999"],
        "DE" => &["999999999"],
        "DK" => &["99999999"],
        "EE" => &["999999999"],
        "GR" => &["999999999"],
        "ES" => &["X9999999X"],
        "FI" => &["99999999"],
        "FR" => &["XX999999999"],
        "HU" => &["99999999"],
        "IE" => &["9X99999A", "9X99999AA"],
        "IT" => &["99999999999"],
        "LT" => &["999999999", "999999999999"],
        "LU" => &["99999999"],
        "LV" => &["99999999999"],
        "MT" => &["99999999"],
        "NL" => &["999999999B99"],
        "PT" => &["999999999"],
        "SE" => &["999999999999"],
        "SI" => &["99999999"],
        "SK" => &["9999999999"],
        _ => return None,
    })
}

fn matches_format(format: &str, value: &str) -> bool {
    format.len() == value.len()
        && format.chars().zip(value.chars()).all(|(f, c)| match f {
            '9' => c.is_ascii_digit(),
            'A' => c.is_ascii_uppercase(),
            'X' => c.is_ascii_alphanumeric() || c == '+' || c == '*',
            other => other == c,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn croatian_oib() {
        assert_eq!(normalize("HR", "69435151530"), Ok("69435151530".into()));
        assert_eq!(
            normalize("hr", "HR 6943 5151 530"),
            Ok("69435151530".into())
        );
        assert_eq!(
            normalize("HR", "69435151531").map_err(|e| e.code),
            Err("invalid_checksum")
        );
        assert_eq!(
            normalize("HR", "6943515153").map_err(|e| e.code),
            Err("invalid_tax_id")
        );
    }

    #[test]
    fn polish_nip() {
        assert_eq!(normalize("PL", "526-025-02-74"), Ok("5260250274".into()));
        assert_eq!(normalize("PL", "PL5260250274"), Ok("5260250274".into()));
        assert_eq!(
            normalize("PL", "5260250275").map_err(|e| e.code),
            Err("invalid_checksum")
        );
    }

    #[test]
    fn romanian_cui() {
        assert_eq!(normalize("RO", "RO 18547290"), Ok("18547290".into()));
        assert_eq!(normalize("RO", "14399840"), Ok("14399840".into()));
        assert_eq!(
            normalize("RO", "18547291").map_err(|e| e.code),
            Err("invalid_checksum")
        );
        assert_eq!(
            normalize("RO", "12345678901").map_err(|e| e.code),
            Err("invalid_tax_id")
        );
    }

    #[test]
    fn other_eu_formats_and_elsewhere() {
        assert_eq!(normalize("AT", "ATU12345678"), Ok("U12345678".into()));
        assert_eq!(normalize("DE", "DE 123456789"), Ok("123456789".into()));
        assert_eq!(normalize("NL", "NL123456789B01"), Ok("123456789B01".into()));
        assert_eq!(normalize("GR", "EL123456789"), Ok("123456789".into()));
        assert_eq!(
            normalize("DE", "12345678").map_err(|e| e.code),
            Err("invalid_tax_id")
        );
        assert_eq!(normalize("RS", "100002512"), Ok("100002512".into()));
        assert_eq!(
            normalize("RS", "<script>").map_err(|e| e.code),
            Err("invalid_tax_id")
        );
    }
}
