//! The vertical 0–100 score scale shared by the charts that plot scores upwards (the stage
//! bars, the trend over audits): where a score sits between the plot's top and bottom, and a
//! rule with its label every 20 points.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{self, ChartError, Drawn};

/// The plot's edges, in pixels of the drawing area.
#[derive(Debug, Clone, Copy)]
pub(super) struct ScoreScale {
    pub left: i32,
    pub right: i32,
    pub top: i32,
    pub bottom: i32,
}

impl ScoreScale {
    /// The height of a score (clamped to 0–100): 0 at the bottom, 100 at the top.
    pub fn y(self, score: f64) -> i32 {
        self.bottom
            - ((score.clamp(0.0, 100.0) / 100.0) * f64::from(self.bottom - self.top)).round() as i32
    }

    /// A rule across the plot and its label at the left every 20 points.
    pub fn draw_rules(
        self,
        root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
        chart: &'static str,
    ) -> Result<(), ChartError> {
        for tick in (0..=100).step_by(20) {
            let y = self.y(f64::from(tick));
            root.draw(&PathElement::new(
                vec![(self.left, y), (self.right, y)],
                style::RULE.stroke_width(1),
            ))
            .chart(chart)?;
            root.draw(&Text::new(
                tick.to_string(),
                (self.left - 8, y),
                style::text(12.0, style::MUTED, HPos::Right, VPos::Center),
            ))
            .chart(chart)?;
        }
        Ok(())
    }
}
