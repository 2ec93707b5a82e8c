//! Checking the custom field values a client writes against the definitions, exactly as every
//! create, update (and later import) does. Values are stored in a canonical form: trimmed text,
//! JSON numbers, `YYYY-MM-DD` dates, booleans, an option or a de-duplicated list of options. An
//! empty value is no value.
use super::dto::{CustomField, CustomFieldType};
use crate::error::{ApiError, FieldError};
use chrono::NaiveDate;
use serde_json::{Map, Value};

const MAX_TEXT: usize = 2000;

/// The record's values after writing `incoming` over `current`: a key set to `null` is removed,
/// keys left out keep their value. On create (`current` is `None`) every required field needs a
/// value. Every problem is reported at once, as `custom_fields.<key>`.
pub fn merge(
    defs: &[CustomField],
    current: Option<&Value>,
    incoming: Option<Map<String, Value>>,
) -> Result<Value, ApiError> {
    let creating = current.is_none();
    let mut values = current
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut errors = Vec::new();
    for (key, raw) in incoming.unwrap_or_default() {
        let path = format!("custom_fields.{key}");
        let Some(def) = defs.iter().find(|d| d.key == key) else {
            errors.push(FieldError::new(
                path,
                "unknown_custom_field",
                "No such custom field is defined.",
            ));
            continue;
        };
        match canonical(def, raw) {
            Ok(Some(v)) => {
                values.insert(key, v);
            }
            Ok(None) => {
                values.remove(&key);
                if def.required && !creating {
                    errors.push(FieldError::new(path, "required", "This field is required."));
                }
            }
            Err((code, message)) => errors.push(FieldError::new(path, code, message)),
        }
    }
    if creating {
        for def in defs.iter().filter(|d| d.required) {
            let path = format!("custom_fields.{}", def.key);
            if !values.contains_key(&def.key) && !errors.iter().any(|e| e.field == path) {
                errors.push(FieldError::new(path, "required", "This field is required."));
            }
        }
    }
    if errors.is_empty() {
        Ok(Value::Object(values))
    } else {
        Err(ApiError::Validation(errors))
    }
}

type Invalid = (&'static str, String);

/// The stored form of `raw` for `def`, `None` for no value.
fn canonical(def: &CustomField, raw: Value) -> Result<Option<Value>, Invalid> {
    let expected = |code: &'static str, what: &str| (code, format!("Expected {what}."));
    let choice = |s: &str| {
        if def.options.iter().any(|o| o == s) {
            Ok(())
        } else {
            Err((
                "invalid_choice",
                format!("Expected one of: {}.", def.options.join(", ")),
            ))
        }
    };
    if raw.is_null() {
        return Ok(None);
    }
    Ok(match def.field_type {
        CustomFieldType::Text => {
            let s = raw
                .as_str()
                .ok_or_else(|| expected("expected_string", "text"))?;
            let s = s.trim();
            if s.chars().count() > MAX_TEXT {
                return Err(("too_long", format!("At most {MAX_TEXT} characters.")));
            }
            (!s.is_empty()).then(|| Value::from(s))
        }
        CustomFieldType::Number => {
            let n = raw
                .as_number()
                .filter(|n| n.as_f64().is_some_and(f64::is_finite))
                .ok_or_else(|| expected("expected_number", "a number"))?;
            Some(Value::Number(n.clone()))
        }
        CustomFieldType::Date => {
            let s = raw.as_str().map(str::trim).unwrap_or_default();
            let date = NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| expected("expected_date", "a date (YYYY-MM-DD)"))?;
            Some(Value::from(date.format("%Y-%m-%d").to_string()))
        }
        CustomFieldType::Boolean => {
            Some(Value::from(raw.as_bool().ok_or_else(|| {
                expected("expected_boolean", "true or false")
            })?))
        }
        CustomFieldType::Choice => {
            let s = raw
                .as_str()
                .ok_or_else(|| expected("expected_string", "text"))?;
            choice(s)?;
            Some(Value::from(s))
        }
        CustomFieldType::MultiChoice => {
            let items = raw
                .as_array()
                .ok_or_else(|| expected("expected_array", "a list of options"))?;
            let mut picked: Vec<&str> = Vec::new();
            for item in items {
                let s = item
                    .as_str()
                    .ok_or_else(|| expected("expected_string", "a list of options"))?;
                choice(s)?;
                if !picked.contains(&s) {
                    picked.push(s);
                }
            }
            (!picked.is_empty()).then(|| Value::from(picked))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::custom_fields::dto::CustomEntity;
    use serde_json::json;

    fn def(key: &str, field_type: CustomFieldType, required: bool) -> CustomField {
        CustomField {
            id: key.into(),
            entity: CustomEntity::Partners,
            key: key.into(),
            label: key.into(),
            field_type,
            options: vec!["a".into(), "b".into()],
            required,
            in_list: false,
            filterable: false,
            position: 0,
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
            version: 1,
        }
    }

    fn fields(v: Value) -> Option<Map<String, Value>> {
        v.as_object().cloned()
    }

    #[test]
    fn values_are_stored_canonically() {
        let defs = [
            def("t", CustomFieldType::Text, false),
            def("d", CustomFieldType::Date, false),
            def("m", CustomFieldType::MultiChoice, false),
        ];
        let out = merge(
            &defs,
            None,
            fields(json!({"t": "  hi ", "d": "2026-01-05", "m": ["b", "a", "b"]})),
        )
        .ok();
        assert_eq!(
            out,
            Some(json!({"t": "hi", "d": "2026-01-05", "m": ["b", "a"]}))
        );
    }

    #[test]
    fn every_problem_is_reported_and_required_fields_are_enforced() {
        let defs = [
            def("n", CustomFieldType::Number, true),
            def("c", CustomFieldType::Choice, false),
        ];
        let Err(ApiError::Validation(errors)) =
            merge(&defs, None, fields(json!({"c": "z", "x": 1})))
        else {
            panic!("expected a validation error");
        };
        let mut codes: Vec<_> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        codes.sort();
        assert_eq!(
            codes,
            [
                ("custom_fields.c", "invalid_choice"),
                ("custom_fields.n", "required"),
                ("custom_fields.x", "unknown_custom_field")
            ]
        );
    }

    #[test]
    fn null_removes_and_left_out_keys_stay() {
        let defs = [
            def("t", CustomFieldType::Text, false),
            def("b", CustomFieldType::Boolean, false),
        ];
        let current = json!({"t": "keep", "b": true});
        let out = merge(&defs, Some(&current), fields(json!({"b": null}))).ok();
        assert_eq!(out, Some(json!({"t": "keep"})));
    }
}
