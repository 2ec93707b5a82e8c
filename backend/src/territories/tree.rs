//! Which territory an address lies in. A territory narrows by its countries, regions and postal
//! codes (each list that is not empty must match); an address belongs to the deepest territory it
//! reaches walking down from the roots through territories that match it. Siblings that both match
//! are taken in name order, so the answer never depends on storage order.
use super::entity::territory;
use std::collections::HashMap;

/// A postal code criterion: a prefix (`10`) or an inclusive range of codes of one length
/// (`10000-10999`).
#[derive(Debug, Clone, PartialEq)]
pub enum PostalCode {
    Prefix(String),
    Range(String, String),
}

/// Codes compare without spaces and dashes, in upper case: `00-950` is `00950`.
pub fn normalize_postal(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

impl PostalCode {
    /// `10000-10999` (or `10000 - 10999`) is a range, anything else a prefix.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let spec = spec.trim();
        if let Some((from, to)) = spec.split_once("..").or_else(|| {
            // A dash separates a range only between two codes of the same length: `00-950` is a
            // Polish code (a prefix), `10000-10999` a range.
            spec.split_once('-').filter(|(a, b)| {
                normalize_postal(a).len() == normalize_postal(b).len() && a.trim().len() > 2
            })
        }) {
            let (from, to) = (normalize_postal(from), normalize_postal(to));
            if from.is_empty() || from.len() != to.len() || from > to {
                return Err(format!(
                    "`{spec}` is not a range from a lower to a higher code of the same length"
                ));
            }
            return Ok(Self::Range(from, to));
        }
        let prefix = normalize_postal(spec);
        if prefix.is_empty() {
            return Err("an empty postal code".into());
        }
        Ok(Self::Prefix(prefix))
    }

    pub fn matches(&self, code: &str) -> bool {
        match self {
            Self::Prefix(p) => code.starts_with(p.as_str()),
            Self::Range(from, to) => {
                code.len() == from.len() && from.as_str() <= code && code <= to.as_str()
            }
        }
    }
}

/// The parts of an address a territory looks at.
#[derive(Debug, Clone, Copy, Default)]
pub struct Address<'a> {
    pub country: Option<&'a str>,
    pub region: Option<&'a str>,
    pub postal_code: Option<&'a str>,
}

/// An address as territories compare it, normalized once per lookup.
struct Normalized {
    country: Option<String>,
    region: Option<String>,
    postal_code: Option<String>,
}

impl Normalized {
    fn new(a: &Address) -> Self {
        Self {
            country: a.country.map(|c| c.trim().to_uppercase()),
            region: a.region.map(|r| r.trim().to_lowercase()),
            postal_code: a.postal_code.map(normalize_postal),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    countries: Vec<String>,
    regions: Vec<String>,
    postal_codes: Vec<PostalCode>,
    /// In name order.
    children: Vec<String>,
}

fn strings(v: &Option<serde_json::Value>) -> Vec<String> {
    v.as_ref()
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default()
}

impl Node {
    pub fn from_model(m: &territory::Model) -> Self {
        Self {
            id: m.id.clone(),
            parent_id: m.parent_id.clone(),
            name: m.name.clone(),
            countries: strings(&m.countries)
                .iter()
                .map(|c| c.trim().to_uppercase())
                .collect(),
            regions: strings(&m.regions)
                .iter()
                .map(|r| r.trim().to_lowercase())
                .collect(),
            postal_codes: strings(&m.postal_codes)
                .iter()
                .filter_map(|p| PostalCode::parse(p).ok())
                .collect(),
            children: Vec::new(),
        }
    }

    fn matches(&self, a: &Normalized) -> bool {
        (self.countries.is_empty()
            || a.country
                .as_ref()
                .is_some_and(|c| self.countries.contains(c)))
            && (self.regions.is_empty()
                || a.region.as_ref().is_some_and(|r| self.regions.contains(r)))
            && (self.postal_codes.is_empty()
                || a.postal_code
                    .as_ref()
                    .is_some_and(|p| self.postal_codes.iter().any(|s| s.matches(p))))
    }
}

/// All territories, loaded once for a request or a job.
#[derive(Debug, Default)]
pub struct Tree {
    nodes: HashMap<String, Node>,
    /// In name order.
    roots: Vec<String>,
}

impl Tree {
    pub fn new(models: &[territory::Model]) -> Self {
        let mut sorted: Vec<Node> = models.iter().map(Node::from_model).collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        let order: Vec<(String, Option<String>)> = sorted
            .iter()
            .map(|n| (n.id.clone(), n.parent_id.clone()))
            .collect();
        let mut nodes: HashMap<String, Node> =
            sorted.into_iter().map(|n| (n.id.clone(), n)).collect();
        let mut roots = Vec::new();
        for (id, parent) in order {
            match parent.and_then(|p| nodes.get_mut(&p)) {
                Some(p) => p.children.push(id),
                None => roots.push(id),
            }
        }
        Self { nodes, roots }
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// The deepest territory the address lies in.
    pub fn locate(&self, address: &Address) -> Option<&str> {
        if self.nodes.is_empty() {
            return None;
        }
        let address = Normalized::new(address);
        let mut found: Option<&str> = None;
        loop {
            let children = match found {
                None => self.roots.as_slice(),
                Some(id) => self
                    .nodes
                    .get(id)
                    .map(|n| n.children.as_slice())
                    .unwrap_or_default(),
            };
            let next = children
                .iter()
                .filter_map(|id| self.nodes.get(id))
                .find(|n| n.matches(&address));
            match next {
                Some(n) => found = Some(n.id.as_str()),
                None => return found,
            }
        }
    }

    /// The territory and every territory under it.
    pub fn within(&self, id: &str) -> Vec<String> {
        let mut out = vec![id.to_owned()];
        let mut i = 0;
        while i < out.len() {
            if let Some(n) = self.nodes.get(&out[i]) {
                out.extend(n.children.iter().cloned());
            }
            i += 1;
        }
        out
    }

    /// The territory and its ancestors, the territory first.
    pub fn chain(&self, id: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut at = self.nodes.get(id);
        while let Some(n) = at {
            if out.contains(&n.id.as_str()) {
                break; // a cycle: refused on write, tolerated on read
            }
            out.push(n.id.as_str());
            at = n.parent_id.as_deref().and_then(|p| self.nodes.get(p));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_specs() {
        assert_eq!(
            PostalCode::parse("10000-10999"),
            Ok(PostalCode::Range("10000".into(), "10999".into()))
        );
        assert_eq!(
            PostalCode::parse("00-950"),
            Ok(PostalCode::Prefix("00950".into()))
        );
        assert_eq!(PostalCode::parse("21"), Ok(PostalCode::Prefix("21".into())));
        assert!(PostalCode::parse("10999-10000").is_err());
        assert!(PostalCode::Range("10000".into(), "10999".into()).matches("10500"));
        assert!(!PostalCode::Range("10000".into(), "10999".into()).matches("11000"));
        assert!(!PostalCode::Range("10000".into(), "10999".into()).matches("105"));
    }
}
