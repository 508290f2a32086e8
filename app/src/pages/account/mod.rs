pub mod dashboard;
pub mod group_profile;
pub mod links;
pub mod login;
pub mod place_form;
pub mod register;
