//! Opportunity filters, parsed once (the page ignores what it cannot
//! understand, the API answers 400 naming the parameter).
use crate::http::params::{parse_bool, parse_lang, parse_pairs, parse_text, ParamError};
use serde::{Deserialize, Serialize};

pub const MAX_PER_PAGE: u32 = 200;
pub const DEFAULT_PER_PAGE: u32 = 50;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OpportunityQuery {
    pub q: Option<String>,
    pub lang: Option<String>,
    pub no_czech: bool,
    pub audience: Option<String>,
    /// Opportunities tagged with this need (see `crate::needs`).
    pub need: Option<String>,
    pub page: u32,
    pub per_page: u32,
}

impl OpportunityQuery {
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        allowed_extra: &[&str],
    ) -> (OpportunityQuery, Vec<ParamError>) {
        let mut q = OpportunityQuery::default();
        let (paging, errors) =
            parse_pairs(pairs, allowed_extra, (DEFAULT_PER_PAGE, MAX_PER_PAGE), |key, value| {
                Some(match key {
                    "q" => parse_text(value).map(|v| q.q = v),
                    "lang" => parse_lang(value).map(|v| q.lang = v),
                    "no_czech" => parse_bool(value).map(|v| q.no_czech = v),
                    "need" => crate::needs::parse_param(value).map(|v| q.need = v),
                    "audience" => match value {
                        "" => Ok(()),
                        v if super::model::AUDIENCES.contains(&v) => {
                            q.audience = Some(v.to_string());
                            Ok(())
                        }
                        _ => Err("expected newcomers, locals or both".to_string()),
                    },
                    _ => return None,
                })
            });
        (q.page, q.per_page) = (paging.page, paging.per_page);
        (q, errors)
    }
}
