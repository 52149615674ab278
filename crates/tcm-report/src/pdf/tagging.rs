//! The logical structure of a tagged PDF, recorded while the pages are composed: which
//! structure element (heading, paragraph, table cell, figure…) each piece of page content
//! belongs to, in reading order, and which content is an artifact (rules, backgrounds,
//! running headers and footers, page numbers, repeated table headers).
//!
//! The composer asks `Tagging` how to mark every group of operators it writes: it answers
//! with the marked-content operators to put before them (`/P <</MCID 3>> BDC`, `/Artifact
//! BMC`, and the `EMC` closing what came before), so that each page's content is a flat
//! sequence of marked-content sequences. `finish::finish` turns the recorded tree into the
//! document's `/StructTreeRoot`. Pure: printpdf operations and numbers, no PDF objects.

use std::collections::BTreeMap;

use printpdf::{DictItem, Op};

/// A standard structure type of PDF 1.7 (ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Document,
    Sect,
    H1,
    H2,
    H3,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
    Figure,
}

impl Tag {
    pub fn name(self) -> &'static str {
        match self {
            Tag::Document => "Document",
            Tag::Sect => "Sect",
            Tag::H1 => "H1",
            Tag::H2 => "H2",
            Tag::H3 => "H3",
            Tag::P => "P",
            Tag::L => "L",
            Tag::LI => "LI",
            Tag::Lbl => "Lbl",
            Tag::LBody => "LBody",
            Tag::Table => "Table",
            Tag::TR => "TR",
            Tag::TH => "TH",
            Tag::TD => "TD",
            Tag::Figure => "Figure",
        }
    }

    /// Whether the element only groups other elements; content met directly under one of
    /// these is put in a paragraph of its own.
    fn groups(self) -> bool {
        matches!(
            self,
            Tag::Document | Tag::Sect | Tag::L | Tag::LI | Tag::Table | Tag::TR
        )
    }
}

/// A table attribute of a cell (ISO 32000-1, 14.8.5.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellAttribute {
    /// A header cell for the cells below it.
    ColumnHeader,
    /// A cell across this many columns.
    ColSpan(usize),
}

/// One structure element.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub tag: Tag,
    /// Its parent's index; `None` for the document.
    pub parent: Option<usize>,
    pub kids: Vec<Kid>,
    /// A title (`/T`): the text of a heading or a section, for navigation and checks.
    pub title: Option<String>,
    /// The alternate description (`/Alt`) of a figure.
    pub alt: Option<String>,
    pub cell: Option<CellAttribute>,
}

/// What an element holds, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kid {
    Element(usize),
    /// A marked-content sequence: page (from 0) and its marked-content id on that page.
    Content {
        page: usize,
        mcid: u32,
    },
}

/// What a piece of content is marked as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Layout: rules, backgrounds, repeated table headers, decorative images.
    Artifact,
    /// Page furniture: running header, footer, page number.
    Pagination,
    Content {
        element: usize,
        mcid: u32,
    },
}

/// What is open on the stack: an element, or an artifact region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Element(usize),
    Artifact,
    Pagination,
}

/// The structure being recorded, and the marked content open on each page.
#[derive(Debug, Clone)]
pub struct Tagging {
    elements: Vec<Element>,
    stack: Vec<Open>,
    /// Per page: the next marked-content id, and the sequence left open.
    pages: Vec<(u32, Option<Mark>)>,
}

impl Default for Tagging {
    fn default() -> Tagging {
        Tagging::new()
    }
}

impl Tagging {
    /// An empty document element, the root of the tree.
    pub fn new() -> Tagging {
        Tagging {
            elements: vec![Element {
                tag: Tag::Document,
                parent: None,
                kids: Vec::new(),
                title: None,
                alt: None,
                cell: None,
            }],
            stack: vec![Open::Element(0)],
            pages: Vec::new(),
        }
    }

    /// The elements, the document first; each element's kids are in reading order.
    pub fn elements(&self) -> &[Element] {
        &self.elements
    }

    /// The innermost open element (the document when none is).
    fn current_element(&self) -> usize {
        self.stack
            .iter()
            .rev()
            .find_map(|open| match open {
                Open::Element(index) => Some(*index),
                _ => None,
            })
            .unwrap_or(0)
    }

    fn add(&mut self, tag: Tag) -> usize {
        let parent = self.current_element();
        let index = self.elements.len();
        self.elements.push(Element {
            tag,
            parent: Some(parent),
            kids: Vec::new(),
            title: None,
            alt: None,
            cell: None,
        });
        self.elements[parent].kids.push(Kid::Element(index));
        index
    }

    /// Opens an element inside the current one; what follows belongs to it until `close`.
    /// Inside an artifact region no element is made (`None`): what follows stays artifact.
    pub fn open(&mut self, tag: Tag) -> Option<usize> {
        match self.stack.last() {
            Some(region @ (Open::Artifact | Open::Pagination)) => {
                self.stack.push(*region);
                None
            }
            _ => {
                let index = self.add(tag);
                self.stack.push(Open::Element(index));
                Some(index)
            }
        }
    }

    /// Gives the element `index` a title (`/T`).
    pub fn set_title(&mut self, index: Option<usize>, title: &str) {
        if let Some(element) = index.and_then(|index| self.elements.get_mut(index)) {
            element.title = Some(title.to_owned());
        }
    }

    /// Gives the element `index` an alternate description (`/Alt`).
    pub fn set_alt(&mut self, index: Option<usize>, alt: &str) {
        if let Some(element) = index.and_then(|index| self.elements.get_mut(index)) {
            element.alt = Some(alt.to_owned());
        }
    }

    pub fn set_cell(&mut self, index: Option<usize>, cell: CellAttribute) {
        if let Some(element) = index.and_then(|index| self.elements.get_mut(index)) {
            element.cell = Some(cell);
        }
    }

    /// Opens a region of layout artifacts (nothing in it is read).
    pub fn open_artifact(&mut self) {
        self.stack.push(Open::Artifact);
    }

    /// Opens a region of page furniture (running header and footer).
    pub fn open_pagination(&mut self) {
        self.stack.push(Open::Pagination);
    }

    /// Closes the innermost element or artifact region. The document stays open.
    pub fn close(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    fn page(&mut self, page: usize) -> &mut (u32, Option<Mark>) {
        if self.pages.len() <= page {
            self.pages.resize(page + 1, (0, None));
        }
        &mut self.pages[page]
    }

    /// The marked-content operators to write on `page` before content: the current element's
    /// (a paragraph of its own when that element only groups others), or an artifact's
    /// when `decoration` or inside an artifact region.
    pub fn before_content(&mut self, page: usize, decoration: bool) -> Vec<Op> {
        let wanted = match self.stack.last() {
            Some(Open::Pagination) => Open::Pagination,
            Some(Open::Artifact) => Open::Artifact,
            _ if decoration => Open::Artifact,
            _ => Open::Element(self.current_element()),
        };
        let open = self.page(page).1;
        let same = match (wanted, open) {
            (Open::Artifact, Some(Mark::Artifact)) | (Open::Pagination, Some(Mark::Pagination)) => {
                true
            }
            (Open::Element(element), Some(Mark::Content { element: open, .. })) => {
                element == open && !self.elements[element].tag.groups()
            }
            _ => false,
        };
        if same {
            return Vec::new();
        }
        let mut ops = Vec::with_capacity(2);
        if open.is_some() {
            ops.push(Op::EndMarkedContent);
        }
        let mark = match wanted {
            Open::Artifact => {
                ops.push(Op::BeginMarkedContent {
                    tag: "Artifact".to_owned(),
                });
                Mark::Artifact
            }
            Open::Pagination => {
                let mut map = BTreeMap::new();
                map.insert("Type".to_owned(), DictItem::Name(b"Pagination".to_vec()));
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: "Artifact".to_owned(),
                    properties: DictItem::Dict { map },
                });
                Mark::Pagination
            }
            Open::Element(mut element) => {
                if self.elements[element].tag.groups() {
                    // Content straight under a grouping element: a paragraph of its own.
                    element = self.add(Tag::P);
                }
                let slot = self.page(page);
                let mcid = slot.0;
                slot.0 += 1;
                self.elements[element]
                    .kids
                    .push(Kid::Content { page, mcid });
                let mut map = BTreeMap::new();
                map.insert("MCID".to_owned(), DictItem::Int(i64::from(mcid)));
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: self.elements[element].tag.name().to_owned(),
                    properties: DictItem::Dict { map },
                });
                Mark::Content { element, mcid }
            }
        };
        self.page(page).1 = Some(mark);
        ops
    }

    /// Closes the sequence left open on `page`: its `EMC`, if any.
    pub fn end_page(&mut self, page: usize) -> Option<Op> {
        self.page(page).1.take().map(|_| Op::EndMarkedContent)
    }

    /// How many marked-content ids each page uses.
    pub fn mcids_per_page(&self) -> Vec<u32> {
        self.pages.iter().map(|(next, _)| *next).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(ops: &[Op]) -> Vec<String> {
        ops.iter()
            .map(|op| match op {
                Op::BeginMarkedContent { tag } => format!("BMC {tag}"),
                Op::BeginMarkedContentWithProperties { tag, .. } => format!("BDC {tag}"),
                Op::EndMarkedContent => "EMC".to_owned(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn content_of_one_element_shares_a_sequence_and_decoration_interrupts_it() {
        let mut tagging = Tagging::new();
        let heading = tagging.open(Tag::H1);
        assert_eq!(names(&tagging.before_content(0, false)), ["BDC H1"]);
        assert!(tagging.before_content(0, false).is_empty(), "same heading");
        assert_eq!(
            names(&tagging.before_content(0, true)),
            ["EMC", "BMC Artifact"]
        );
        assert_eq!(names(&tagging.before_content(0, false)), ["EMC", "BDC H1"]);
        tagging.close();
        let paragraph = tagging.open(Tag::P);
        assert_eq!(names(&tagging.before_content(0, false)), ["EMC", "BDC P"]);
        tagging.close();
        assert_eq!(
            tagging.end_page(0).map(|op| names(&[op])),
            Some(vec!["EMC".to_owned()])
        );
        assert_eq!(tagging.end_page(0), None);
        let elements = tagging.elements();
        let (heading, paragraph) = (heading.expect("made"), paragraph.expect("made"));
        assert_eq!(
            elements[heading].kids,
            [
                Kid::Content { page: 0, mcid: 0 },
                Kid::Content { page: 0, mcid: 1 }
            ]
        );
        assert_eq!(
            elements[paragraph].kids,
            [Kid::Content { page: 0, mcid: 2 }]
        );
        assert_eq!(
            elements[0].kids,
            [Kid::Element(heading), Kid::Element(paragraph)]
        );
        assert_eq!(tagging.mcids_per_page(), [3]);
    }

    #[test]
    fn ids_count_per_page_and_loose_content_gets_a_paragraph() {
        let mut tagging = Tagging::new();
        let section = tagging.open(Tag::Sect);
        tagging.before_content(0, false);
        tagging.before_content(1, false);
        tagging.before_content(1, false);
        tagging.open_pagination();
        assert_eq!(
            names(&tagging.before_content(1, false)),
            ["EMC", "BDC Artifact"]
        );
        tagging.close();
        let elements = tagging.elements();
        // Three loose pieces: three paragraphs in the section, never content in it directly.
        let section = section.expect("made");
        assert_eq!(elements[section].kids.len(), 3);
        for kid in &elements[section].kids {
            let Kid::Element(index) = kid else {
                panic!("content directly in a section: {kid:?}")
            };
            assert_eq!(elements[*index].tag, Tag::P);
        }
        assert_eq!(tagging.mcids_per_page(), [1, 2]);
    }

    #[test]
    fn nothing_opened_in_an_artifact_region_joins_the_structure() {
        let mut tagging = Tagging::new();
        tagging.open_artifact();
        assert_eq!(tagging.open(Tag::TR), None);
        assert_eq!(tagging.open(Tag::TH), None);
        assert_eq!(names(&tagging.before_content(0, false)), ["BMC Artifact"]);
        tagging.close();
        tagging.close();
        tagging.close();
        assert_eq!(tagging.elements().len(), 1, "the document alone");
        assert!(tagging.open(Tag::P).is_some(), "out of the region again");
    }
}
