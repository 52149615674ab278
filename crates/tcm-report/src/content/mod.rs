//! The report's content, section by section, as [`Block`]s built from a [`ReportInput`].

mod appendix;
mod cover;
mod details;
mod plan;
mod roadmap;
mod summary;
mod trend;
mod visuals;
mod workshop;

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
    blocks.extend(workshop::workshop(input));
    blocks.extend(trend::trend(input)?);
    match input.strategy {
        // The roadmap leads; the full list of actions opens the appendix.
        Some(strategy) => {
            blocks.extend(roadmap::roadmap(input, strategy)?);
            blocks.extend(details::details(input));
            let mut appendix = appendix::appendix(input).into_iter();
            blocks.extend(appendix.next());
            blocks.extend(plan::plan(input, plan::Placement::Appendix));
            blocks.extend(appendix);
        }
        None => {
            blocks.extend(plan::plan(input, plan::Placement::Section));
            blocks.extend(details::details(input));
            blocks.extend(appendix::appendix(input));
        }
    }
    Ok(blocks)
}
