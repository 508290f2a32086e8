pub mod audit;
pub mod queue;
