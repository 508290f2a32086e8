//! A new category as an operator describes it (`welcome-kit add-category`),
//! checked before anything is written.
use super::Category;
use crate::values::ListingKind;
use std::fmt;

#[derive(Debug, PartialEq)]
pub enum CategoryError {
    Key(String),
    For(String),
    NameFor(String),
    EnglishName,
    Exists(String),
}

impl fmt::Display for CategoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CategoryError::Key(k) => write!(
                f,
                "--key `{k}`: use 2–40 lowercase letters and underscores, starting with a letter"
            ),
            CategoryError::For(k) => write!(f, "--for `{k}`: use place or event"),
            CategoryError::NameFor(n) => {
                write!(f, "--name-in `{n}`: write it as language=name (e.g. cs=Právní pomoc)")
            }
            CategoryError::EnglishName => {
                write!(f, "--name-in en=…: the English name is required")
            }
            CategoryError::Exists(k) => write!(f, "a category `{k}` exists already"),
        }
    }
}

/// `key`, what it sorts (`place` or `event`; empty: place) and `lang=name`
/// pairs checked into a category.
pub fn check(key: &str, kind: &str, names: &[String]) -> Result<Category, Vec<CategoryError>> {
    let mut errors = Vec::new();
    let kind = match kind.trim() {
        "" => ListingKind::Place,
        k => match ListingKind::parse(k) {
            Some(k @ (ListingKind::Place | ListingKind::Event)) => k,
            _ => {
                errors.push(CategoryError::For(k.to_string()));
                ListingKind::Place
            }
        },
    };
    let key = key.trim().to_string();
    let key_ok = (2..=40).contains(&key.len())
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    if !key_ok {
        errors.push(CategoryError::Key(key.clone()));
    }
    let mut checked: Vec<(String, String)> = Vec::new();
    for pair in names {
        match pair.split_once('=') {
            Some((l, n))
                if (2..=3).contains(&l.trim().len())
                    && l.trim().chars().all(|c| c.is_ascii_lowercase())
                    && !n.trim().is_empty() =>
            {
                checked.retain(|(known, _)| known != l.trim());
                checked.push((l.trim().to_string(), n.trim().to_string()));
            }
            _ => errors.push(CategoryError::NameFor(pair.clone())),
        }
    }
    if !checked.iter().any(|(l, _)| l == "en") {
        errors.push(CategoryError::EnglishName);
    }
    if errors.is_empty() {
        Ok(Category { key, kind, names: checked })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_category_with_names() {
        let c =
            check("housing", "", &["en=Housing".into(), "uk=Житло".into(), "cs = Bydlení ".into()])
                .expect("valid");
        assert_eq!(c.label("uk"), "Житло");
        assert_eq!(c.label("cs"), "Bydlení");
        assert_eq!(c.label("vi"), "Housing", "English stands in");
        assert_eq!(c.kind, ListingKind::Place);
        let walk = check("night_walk", "event", &["en=Night walk".into()]).expect("valid");
        assert_eq!(walk.kind, ListingKind::Event);
    }

    #[test]
    fn every_problem_named() {
        let errors = check("Housing!", "opportunity", &["Житло".into()]).expect_err("refused");
        assert_eq!(
            errors,
            vec![
                CategoryError::For("opportunity".into()),
                CategoryError::Key("Housing!".into()),
                CategoryError::NameFor("Житло".into()),
                CategoryError::EnglishName
            ]
        );
        assert!(errors.iter().all(|e| !e.to_string().is_empty()));
    }
}
