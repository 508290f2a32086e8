pub mod filters;
pub mod form_field;
pub mod layout;
pub mod map;
pub mod moderation_box;
pub mod place_card;
pub mod query_link;
pub mod share_button;
