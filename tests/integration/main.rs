//! Cross-component tests: the questionnaire files of the repository against the rules of
//! the grid, the glossary, the JSON Schema, the mapping between versions, the seed documents
//! the sources quote, and the committed Markdown rendering.

mod cases;
mod glossary;
mod grid_content;
mod grid_markdown;
mod schema;
mod util;
mod versions;
