//! The report's content, section by section, as [`Block`]s built from a [`ReportInput`].

mod alt;
mod appendix;
mod benchmark;
mod cover;
mod details;
mod management;
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
use crate::settings::{ReportSettings, Section};

/// Every block of the report, in order: the cover, the consultant's summary when written,
/// then the sections the settings include.
pub fn report_blocks(input: &ReportInput<'_>) -> Result<Vec<Block>, ChartError> {
    let default = ReportSettings::default();
    let settings = input.settings.unwrap_or(&default);
    let has = |section| settings.includes(section);
    let mut blocks = Vec::new();
    blocks.extend(cover::cover(input));
    blocks.extend(management::management_summary(input, settings));
    if has(Section::Summary) {
        blocks.extend(summary::summary(input));
    }
    if has(Section::Charts) {
        blocks.extend(visuals::charts(input)?);
    }
    if has(Section::Workshop) {
        blocks.extend(workshop::workshop(input));
    }
    blocks.extend(trend::trend(input)?);
    blocks.extend(benchmark::benchmark(input));
    match input.strategy {
        // The roadmap leads; the full list of actions opens the appendix.
        Some(strategy) => {
            if has(Section::Plan) {
                blocks.extend(roadmap::roadmap(input, strategy)?);
            }
            if has(Section::Details) {
                blocks.extend(details::details(input));
            }
            if has(Section::Appendix) {
                let mut appendix = appendix::appendix(input).into_iter();
                blocks.extend(appendix.next());
                blocks.extend(plan::plan(input, plan::Placement::Appendix));
                blocks.extend(appendix);
            }
        }
        None => {
            if has(Section::Plan) {
                blocks.extend(plan::plan(input, plan::Placement::Section));
            }
            if has(Section::Details) {
                blocks.extend(details::details(input));
            }
            if has(Section::Appendix) {
                blocks.extend(appendix::appendix(input));
            }
        }
    }
    Ok(blocks)
}
