//! The running header and footer, written once every page is composed and the page count is
//! known: the organisation and the date at the top, the document and « page X sur Y » at the
//! bottom. The cover has the footer only. All of it is marked as pagination artifacts: a
//! screen reader does not read it on every page.

use super::page::{CONTENT_WIDTH, Colour, Composer, Face, MARGIN_X, PAGE_HEIGHT, Style};

pub struct Running<'a> {
    pub left_header: &'a str,
    pub right_header: &'a str,
    pub left_footer: &'a str,
    /// "Page" and "sur" / "of".
    pub page: &'a str,
    pub page_separator: &'a str,
}

pub fn write(composer: &mut Composer<'_>, running: &Running<'_>, skip_header_on_first: bool) {
    let style = Style::new(Face::Regular, 7.5, Colour::MUTED);
    let total = composer.page_count();
    let fonts = composer.fonts();
    composer.pagination(|composer| {
        for page in 0..total {
            if !(skip_header_on_first && page == 0) {
                composer.text_on(page, MARGIN_X, 34.0, running.left_header, style);
                let width = fonts
                    .metrics(style.face)
                    .width(running.right_header, style.size);
                composer.text_on(
                    page,
                    MARGIN_X + CONTENT_WIDTH - width,
                    34.0,
                    running.right_header,
                    style,
                );
                composer.rule_on(
                    page,
                    (MARGIN_X, 40.0),
                    (MARGIN_X + CONTENT_WIDTH, 40.0),
                    0.5,
                    Colour::RULE,
                );
            }
            let footer_y = PAGE_HEIGHT - 30.0;
            composer.rule_on(
                page,
                (MARGIN_X, footer_y - 10.0),
                (MARGIN_X + CONTENT_WIDTH, footer_y - 10.0),
                0.5,
                Colour::RULE,
            );
            composer.text_on(page, MARGIN_X, footer_y, running.left_footer, style);
            let number = format!(
                "{} {} {} {}",
                running.page,
                page + 1,
                running.page_separator,
                total
            );
            let width = fonts.metrics(style.face).width(&number, style.size);
            composer.text_on(
                page,
                MARGIN_X + CONTENT_WIDTH - width,
                footer_y,
                &number,
                style,
            );
        }
    });
}
