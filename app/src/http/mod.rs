//! The HTTP kit every domain stands on: form posting (size limits, rate
//! limits, re-showing a refused form), responses with ETags, and the query
//! parameters of pages and the API (a 400 names the parameter), CSV
//! downloads.
server_only! {
    pub mod csv; pub mod etag; pub mod form_post;
}
pub mod params;
