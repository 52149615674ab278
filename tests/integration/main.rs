//! Cross-component tests: the questionnaire files of the repository against the rules of
//! the grid, the JSON Schema, and their committed Markdown rendering.

mod cases;
mod grid_content;
mod grid_markdown;
mod schema;
mod util;
