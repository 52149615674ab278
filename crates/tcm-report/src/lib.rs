//! Documents made from TCM data. Data in, text or bytes out: this crate writes no file.
//!
//! - [`grid_markdown`]: a questionnaire as Markdown, for teachers and consultants to review.

pub mod grid_markdown;
mod markdown;
