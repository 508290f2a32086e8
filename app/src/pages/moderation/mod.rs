pub mod audit;
pub mod groups;
pub mod queue;
pub mod stories;
pub mod story_editor;
