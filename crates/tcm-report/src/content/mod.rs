//! The report's content, section by section, as [`Block`]s built from a [`ReportInput`].

mod appendix;
mod cover;
mod details;
mod plan;
mod summary;
mod visuals;

pub(crate) use appendix::scale_table;

use crate::charts::ChartError;
use crate::document::Block;
use crate::input::ReportInput;

/// Every block of the report, in order.
pub fn report_blocks(input: &ReportInput<'_>) -> Result<Vec<Block>, ChartError> {
    let mut blocks = Vec::new();
    blocks.extend(cover::cover(input));
    blocks.extend(summary::summary(input));
    blocks.extend(visuals::charts(input)?);
    blocks.extend(plan::plan(input));
    blocks.extend(details::details(input));
    blocks.extend(appendix::appendix(input));
    Ok(blocks)
}
