//! The admin's form that adds a city: the same checks as `welcome-kit
//! add-city`, every problem shown at its field, nothing written on refusal.
use super::new::{CityError, CityInput};
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
    crate::http::form_post::routes(vec![form_route!("admin/cities/add", add)])
}

async fn add(l: Locale, s: AppState, se: Session, p: Parts, v: FormValues) -> Response {
    act_as_admin(l, s, se, p, v, "cities", |st, admin, v| async move {
        let city = input_of(&v).check().map_err(|e| FormRefusal::Fields(field_errors(&e)))?;
        let now = Timestamp::from(st.now());
        if !st.db.add_city(&city, Some(admin), now).await? {
            return Err(FormRefusal::Fields(FieldErrors::from([("slug", FieldError::SlugTaken)])));
        }
        Ok(())
    })
    .await
}

/// The form as `CityInput`; a number that does not parse becomes one the
/// check refuses (NaN coordinates, zoom 0).
fn input_of(v: &FormValues) -> CityInput {
    let number = |k: &str| text(v, k).replace(',', ".").parse::<f64>().unwrap_or(f64::NAN);
    let optional = |k: &str| Some(text(v, k).to_string()).filter(|s| !s.is_empty());
    CityInput {
        slug: text(v, "slug").to_string(),
        name: text(v, "name").to_string(),
        name_en: optional("name_en"),
        lat: number("lat"),
        lon: number("lon"),
        time_zone: text(v, "time_zone").to_string(),
        country: text(v, "country").to_uppercase(),
        language: text(v, "language").to_lowercase(),
        names: text(v, "names").lines().map(str::to_string).collect(),
        bounds: optional("bounds"),
        zoom: optional("zoom").map(|z| z.parse().unwrap_or(0)),
        address_lookup: optional("address_lookup"),
    }
}

fn field_errors(errors: &[CityError]) -> FieldErrors {
    errors
        .iter()
        .map(|e| {
            let kind = match e {
                CityError::Slug(_) => FieldError::InvalidSlug,
                CityError::Exists(_) => FieldError::SlugTaken,
                CityError::Name => FieldError::Required,
                CityError::Coordinates => FieldError::InvalidCentre,
                CityError::TimeZone(_) => FieldError::InvalidTimeZone,
                CityError::Country(_) => FieldError::InvalidCountry,
                CityError::Language(_) => FieldError::InvalidLanguageCode,
                CityError::NameFor(_) => FieldError::InvalidCityNames,
                CityError::Bounds(_) => FieldError::InvalidBounds,
                CityError::Zoom(_) => FieldError::InvalidNumber,
                CityError::AddressLookup(_) => FieldError::UnknownChoice,
            };
            (e.field(), kind)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::http::form_post::form_of as form;

    #[test]
    fn a_typed_form_becomes_a_city() {
        let city = input_of(&form(&[
            ("slug", "brno"),
            ("name", "Brno"),
            ("lat", "49,1951"),
            ("lon", "16.6068"),
            ("time_zone", "Europe/Prague"),
            ("country", "cz"),
            ("language", "CS"),
            ("names", "uk=Брно\r\n\r\nru=Брно"),
        ]))
        .check()
        .expect("valid");
        assert_eq!(city.center, [49.1951, 16.6068], "a decimal comma is read");
        assert_eq!((city.country.as_str(), city.local_lang.as_str()), ("CZ", "cs"));
        assert_eq!(city.names.len(), 2);
    }

    #[test]
    fn problems_land_at_their_fields() {
        let errors = input_of(&form(&[("slug", "x"), ("lat", "north"), ("zoom", "far")]))
            .check()
            .expect_err("refused");
        let fields = field_errors(&errors);
        assert_eq!(fields.get("slug"), Some(&FieldError::InvalidSlug));
        assert_eq!(fields.get("name"), Some(&FieldError::Required));
        assert_eq!(fields.get("lat"), Some(&FieldError::InvalidCentre));
        assert_eq!(fields.get("time_zone"), Some(&FieldError::InvalidTimeZone));
        assert_eq!(fields.get("zoom"), Some(&FieldError::InvalidNumber));
    }
}
