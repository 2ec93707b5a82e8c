//! The comparison key of a partner's name for duplicate detection: lower case, no diacritics, no
//! punctuation, and no legal-form words, so "Kraš d.d." and "KRAS DD" meet.

const LEGAL_FORMS: &[&str] = &[
    "doo", "dd", "jdoo", "obrt", "spzoo", "sa", "sp", "zoo", "srl", "sc", "pfa", "ii", "gmbh",
    "ag", "ltd", "llc", "inc", "bv", "nv", "sro", "as", "kft", "zrt",
];

pub fn fold(c: char) -> char {
    match c {
        'č' | 'ć' => 'c',
        'đ' => 'd',
        'š' | 'ś' | 'ș' | 'ş' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ą' | 'ă' | 'â' | 'á' | 'à' | 'ä' => 'a',
        'ę' | 'é' | 'è' | 'ë' => 'e',
        'ł' => 'l',
        'ń' => 'n',
        'ó' | 'ö' | 'ô' => 'o',
        'î' | 'í' => 'i',
        'ț' | 'ţ' => 't',
        'ü' | 'ú' => 'u',
        other => other,
    }
}

pub fn name_key(name: &str) -> String {
    let folded: String = name.to_lowercase().chars().map(fold).collect();
    // "d.o.o." and "sp. z o.o." lose their dots first, so they become single words to drop.
    let words: Vec<String> = folded
        .replace(['.', ','], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let joined = words.join(" ");
    let without_forms = joined.replace("sp z oo", "").replace("s r l", "");
    without_forms
        .split_whitespace()
        .filter(|w| !LEGAL_FORMS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Quick-search words: lower case, no diacritics, only characters that can be part of a name,
/// number, email or phone (so nothing reaches the engines' query syntax).
pub fn search_terms(q: &str) -> Vec<String> {
    q.split_whitespace()
        .map(|w| {
            w.to_lowercase()
                .chars()
                .map(fold)
                .filter(|c| c.is_alphanumeric() || matches!(c, '@' | '.' | '+' | '-' | '_'))
                .collect::<String>()
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{name_key, search_terms};

    #[test]
    fn search_terms_are_folded_and_safe() {
        assert_eq!(search_terms("  Kraš ZAGREB "), vec!["kras", "zagreb"]);
        assert_eq!(search_terms("\"x\" OR 1=1; --"), vec!["x", "or", "11"]);
        assert_eq!(search_terms("info@kras.hr"), vec!["info@kras.hr"]);
    }

    #[test]
    fn legal_forms_case_and_accents_do_not_matter() {
        assert_eq!(name_key("Kraš d.d."), "kras");
        assert_eq!(name_key("KRAS DD"), "kras");
        assert_eq!(name_key("Wiśniewski Sp. z o.o."), "wisniewski");
        assert_eq!(name_key("Țesătura S.R.L."), "tesatura");
        assert_eq!(
            name_key("Brodogradilište Split d.o.o."),
            "brodogradiliste split"
        );
    }
}
