pub mod dashboard;
pub mod links;
pub mod login;
pub mod place_form;
pub mod register;
