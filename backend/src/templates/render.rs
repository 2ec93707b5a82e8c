//! Rendering a template with minijinja: `{{ person.first_name }}`, `{% if partner %}`, filters. The
//! HTML body escapes every value it inserts; subject and text are plain. A template that does not
//! compile is refused when it is saved, with the engine's message.
use super::entity::template;
use crate::error::FieldError;
use minijinja::{AutoEscape, Environment};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Rendered {
    pub subject: String,
    pub html: Option<String>,
    pub text: String,
}

fn env() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env
}

/// The parts of a template, by the request field each comes from.
fn parts<'a>(
    subject: &'a str,
    html: Option<&'a str>,
    text: &'a str,
) -> Vec<(&'static str, &'static str, &'a str)> {
    let mut out = vec![
        ("subject", "subject.txt", subject),
        ("text", "body.txt", text),
    ];
    if let Some(h) = html {
        out.push(("html", "body.html", h));
    }
    out
}

/// Field errors for the parts that do not compile.
pub fn check(subject: &str, html: Option<&str>, text: &str) -> Vec<FieldError> {
    let env = env();
    parts(subject, html, text)
        .into_iter()
        .filter_map(|(field, name, source)| {
            env.template_from_named_str(name, source)
                .err()
                .map(|e| FieldError::new(field, "invalid_template", e.to_string()))
        })
        .collect()
}

/// A template compiled once, for rendering it many times (a mailing).
pub struct Compiled<'t> {
    env: Environment<'t>,
    has_html: bool,
}

impl<'t> Compiled<'t> {
    pub fn new(t: &'t template::Model) -> Result<Self, String> {
        let mut env = env();
        for (_, name, source) in parts(&t.subject, t.html.as_deref(), &t.body_text) {
            env.add_template(name, source).map_err(|e| e.to_string())?;
        }
        Ok(Self {
            env,
            has_html: t.html.is_some(),
        })
    }

    pub fn render(&self, context: &serde_json::Value) -> Result<Rendered, String> {
        let one = |name: &str| {
            self.env
                .get_template(name)
                .and_then(|tpl| tpl.render(context))
                .map_err(|e| e.to_string())
        };
        Ok(Rendered {
            subject: one("subject.txt")?.trim().to_owned(),
            html: self.has_html.then(|| one("body.html")).transpose()?,
            text: one("body.txt")?,
        })
    }
}

pub fn render(t: &template::Model, context: &serde_json::Value) -> Result<Rendered, String> {
    Compiled::new(t)?.render(context)
}
