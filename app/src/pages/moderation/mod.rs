pub mod audit;
pub mod groups;
pub mod queue;
