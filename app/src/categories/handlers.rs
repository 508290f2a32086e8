//! The admin's form that adds a place or event category: the same checks as
//! `welcome-kit add-category`, every problem shown at its field.
use super::new::{check, CategoryError};
use crate::accounts::act::act_as_admin;
use crate::accounts::model::{FieldError, FieldErrors};
use crate::http::form_post::{text, FormRefusal, FormValues};
use crate::i18n::Locale;
use crate::state::AppState;
use crate::values::Timestamp;
use axum::http::request::Parts;
use axum::response::Response;
use axum::Router;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    crate::http::form_post::routes(vec![form_route!("admin/categories/add", add)])
}

async fn add(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    act_as_admin(l, s, se, p, v, "categories", |st, admin, v| async move {
        let names: Vec<String> = text(&v, "names")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        let category = check(text(&v, "key"), text(&v, "kind"), &names)
            .map_err(|e| FormRefusal::Fields(field_errors(&e)))?;
        let now = Timestamp::from(st.now());
        if !st.db.add_category(&category, Some(admin), now).await? {
            return Err(FormRefusal::Fields(field_errors(&[CategoryError::Exists(category.key)])));
        }
        Ok(())
    })
    .await
}

fn field_errors(errors: &[CategoryError]) -> FieldErrors {
    errors
        .iter()
        .map(|e| match e {
            CategoryError::Key(_) => ("key", FieldError::InvalidCategoryKey),
            CategoryError::For(_) => ("kind", FieldError::UnknownChoice),
            CategoryError::Exists(_) => ("key", FieldError::SlugTaken),
            CategoryError::NameFor(_) => ("names", FieldError::InvalidCityNames),
            CategoryError::EnglishName => ("names", FieldError::EnglishNameRequired),
        })
        .collect()
}
