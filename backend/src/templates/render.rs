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

pub fn render(t: &template::Model, context: &serde_json::Value) -> Result<Rendered, String> {
    let env = env();
    let one = |name: &str, source: &str| {
        env.template_from_named_str(name, source)
            .and_then(|tpl| tpl.render(context))
            .map_err(|e| e.to_string())
    };
    Ok(Rendered {
        subject: one("subject.txt", &t.subject)?.trim().to_owned(),
        html: t.html.as_deref().map(|h| one("body.html", h)).transpose()?,
        text: one("body.txt", &t.body_text)?,
    })
}
