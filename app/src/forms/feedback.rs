//! What a refused form needs to be shown again: what was typed (never the
//! passwords) and a message per field. The POST handler provides it as
//! context while it renders the same page again.
use super::{FieldError, FieldErrors, FormError};
use leptos::prelude::*;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormFeedback {
    pub values: BTreeMap<String, String>,
    pub errors: BTreeMap<String, FieldError>,
    pub form_error: Option<FormError>,
    /// A translated note shown with the form (e.g. what an address lookup
    /// found); not an error.
    pub notice: Option<String>,
}

impl FormFeedback {
    pub fn new(
        values: &BTreeMap<String, String>,
        errors: &FieldErrors,
        form_error: Option<FormError>,
    ) -> Self {
        Self {
            values: values
                .iter()
                .filter(|(k, _)| !k.contains("password") && k.as_str() != "token")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            errors: errors.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            form_error,
            notice: None,
        }
    }

    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }

    pub fn error(&self, field: &str) -> Option<FieldError> {
        self.errors.get(field).copied()
    }
}

/// The feedback of the form being re-shown, or an empty one.
pub fn use_feedback() -> FormFeedback {
    use_context::<FormFeedback>().unwrap_or_default()
}
