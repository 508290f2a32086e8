pub mod dashboard;
pub mod links;
pub mod login;
pub mod register;
