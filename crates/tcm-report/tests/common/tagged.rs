//! A tagged PDF read back with lopdf: its structure tree as plain values, and checks that
//! every page's marked content and the tree agree (each `MCID` of a page's content found
//! in the `/ParentTree` and in its element's `/K`, every text and drawing marked, either as
//! structure or as an artifact).

use std::collections::BTreeMap;
use std::path::Path;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// One structure element, its kids in reading order.
#[derive(Debug, Clone)]
pub struct Element {
    pub tag: String,
    pub title: Option<String>,
    pub alt: Option<String>,
    /// `/A` table attributes: `Scope`, `ColSpan`.
    pub scope: Option<String>,
    pub col_span: Option<i64>,
    pub kids: Vec<Element>,
    /// Marked content held directly: (page from 0, MCID).
    pub content: Vec<(usize, i64)>,
}

impl Element {
    /// This element and all below it, in reading order (depth first).
    pub fn walk(&self) -> Vec<&Element> {
        let mut all = vec![self];
        for kid in &self.kids {
            all.extend(kid.walk());
        }
        all
    }

    pub fn find<'a>(&'a self, tag: &str) -> Vec<&'a Element> {
        self.walk()
            .into_iter()
            .filter(|element| element.tag == tag)
            .collect()
    }

    /// Whether anything below it is marked content.
    pub fn has_content(&self) -> bool {
        !self.content.is_empty() || self.kids.iter().any(Element::has_content)
    }
}

/// What a tagged PDF says of itself.
pub struct Tagged {
    pub document: Document,
    pub root: Element,
    pub lang: Option<String>,
    pub marked: bool,
    pub display_doc_title: bool,
    pub xmp: String,
    /// The outline's top-level titles, in order.
    pub outline: Vec<String>,
}

/// A PDF text string: UTF-16BE with its byte-order mark, else PDFDocEncoding read as Latin-1.
pub fn text(object: &Object) -> Option<String> {
    let Object::String(bytes, _) = object else {
        return None;
    };
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|pair| u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(bytes.iter().map(|byte| char::from(*byte)).collect())
    }
}

fn resolve<'a>(document: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => document.get_object(*id).expect("a reference resolves"),
        other => other,
    }
}

fn dictionary<'a>(document: &'a Document, object: &'a Object) -> &'a Dictionary {
    resolve(document, object)
        .as_dict()
        .expect("a dictionary where one is expected")
}

fn name(dictionary: &Dictionary, key: &[u8]) -> Option<String> {
    dictionary
        .get(key)
        .ok()
        .and_then(|object| object.as_name().ok())
        .map(|name| String::from_utf8_lossy(name).into_owned())
}

fn read_element(
    document: &Document,
    id: ObjectId,
    page_index: &BTreeMap<ObjectId, usize>,
    parents: &mut BTreeMap<(usize, i64), ObjectId>,
) -> Element {
    let element = document
        .get_dictionary(id)
        .expect("a structure element is a dictionary");
    assert_eq!(
        name(element, b"Type").as_deref(),
        Some("StructElem"),
        "{id:?}"
    );
    let page = element
        .get(b"Pg")
        .ok()
        .and_then(|object| object.as_reference().ok())
        .and_then(|page| page_index.get(&page).copied());
    let attributes = element
        .get(b"A")
        .ok()
        .map(|object| dictionary(document, object));
    let mut read = Element {
        tag: name(element, b"S").expect("every element has /S"),
        title: element.get(b"T").ok().and_then(text),
        alt: element.get(b"Alt").ok().and_then(text),
        scope: attributes.and_then(|attributes| name(attributes, b"Scope")),
        col_span: attributes
            .and_then(|attributes| attributes.get(b"ColSpan").ok())
            .and_then(|span| span.as_i64().ok()),
        kids: Vec::new(),
        content: Vec::new(),
    };
    let kids = match element.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(kid) => vec![kid.clone()],
        Err(_) => Vec::new(),
    };
    for kid in kids {
        match kid {
            Object::Integer(mcid) => {
                let page = page.expect("an element holding an MCID has /Pg");
                read.content.push((page, mcid));
                assert!(
                    parents.insert((page, mcid), id).is_none(),
                    "MCID used twice"
                );
            }
            Object::Reference(child) => {
                let object = document.get_object(child).expect("resolves");
                let is_reference = object
                    .as_dict()
                    .ok()
                    .and_then(|kid| name(kid, b"Type"))
                    .is_some_and(|kind| kind == "MCR");
                assert!(
                    !is_reference,
                    "marked-content references are written inline"
                );
                read.kids
                    .push(read_element(document, child, page_index, parents));
            }
            Object::Dictionary(reference) => {
                assert_eq!(name(&reference, b"Type").as_deref(), Some("MCR"));
                let page = reference
                    .get(b"Pg")
                    .and_then(Object::as_reference)
                    .ok()
                    .and_then(|page| page_index.get(&page).copied())
                    .expect("a marked-content reference names its page");
                let mcid = reference
                    .get(b"MCID")
                    .and_then(Object::as_i64)
                    .expect("an MCID");
                read.content.push((page, mcid));
                assert!(
                    parents.insert((page, mcid), id).is_none(),
                    "MCID used twice"
                );
            }
            other => panic!("unexpected kid {other:?}"),
        }
    }
    read
}

/// Reads `path` and checks that its pages and its structure tree agree.
pub fn read(path: &Path) -> Tagged {
    let document = Document::load(path).expect("lopdf reads the PDF");
    let catalog = document.catalog().expect("a catalogue").clone();
    let pages: Vec<ObjectId> = document.get_pages().into_values().collect();
    let page_index: BTreeMap<ObjectId, usize> = pages
        .iter()
        .enumerate()
        .map(|(index, id)| (*id, index))
        .collect();
    let tree = catalog
        .get(b"StructTreeRoot")
        .map(|root| dictionary(&document, root).clone())
        .expect("a /StructTreeRoot");
    assert_eq!(name(&tree, b"Type").as_deref(), Some("StructTreeRoot"));
    let top = match tree.get(b"K").expect("the tree has /K") {
        Object::Array(kids) => kids.clone(),
        kid => vec![kid.clone()],
    };
    assert_eq!(top.len(), 1, "one document element");
    let mut parents = BTreeMap::new();
    let root = read_element(
        &document,
        top[0].as_reference().expect("a reference"),
        &page_index,
        &mut parents,
    );

    // The parent tree: page → its MCIDs' elements, matching the elements' own /K.
    let parent_tree = dictionary(&document, tree.get(b"ParentTree").expect("/ParentTree"));
    let numbers = parent_tree
        .get(b"Nums")
        .and_then(Object::as_array)
        .expect("a flat number tree");
    let mut listed: BTreeMap<i64, Vec<Object>> = BTreeMap::new();
    for pair in numbers.chunks(2) {
        let key = pair[0].as_i64().expect("a number key");
        let value = resolve(&document, &pair[1])
            .as_array()
            .expect("an array of elements per page");
        listed.insert(key, value.clone());
    }
    assert_eq!(
        tree.get(b"ParentTreeNextKey").and_then(Object::as_i64).ok(),
        Some(pages.len() as i64)
    );
    for (index, page_id) in pages.iter().enumerate() {
        let page = document.get_dictionary(*page_id).expect("a page");
        let key = page
            .get(b"StructParents")
            .and_then(Object::as_i64)
            .unwrap_or_else(|_| panic!("page {} has no /StructParents", index + 1));
        let elements = listed
            .get(&key)
            .expect("each page's key is in the parent tree");
        let content = Content::decode(&document.get_page_content(*page_id))
            .expect("the content stream decodes");
        let mut open: Vec<Option<(String, i64)>> = Vec::new();
        let mut seen = Vec::new();
        for operation in &content.operations {
            match operation.operator.as_str() {
                "BDC" => {
                    let tag = operation.operands[0]
                        .as_name()
                        .map(|tag| String::from_utf8_lossy(tag).into_owned())
                        .expect("a tag");
                    if tag == "Span" {
                        // A line's own text for readers that copy it (no-break spaces kept),
                        // inside the sequence of the element it belongs to.
                        let actual = operation.operands[1]
                            .as_dict()
                            .ok()
                            .and_then(|properties| properties.get(b"ActualText").ok())
                            .and_then(|text| text.as_str().ok())
                            .expect("a Span says its /ActualText");
                        assert!(
                            actual.starts_with(&[0xFE, 0xFF]),
                            "/ActualText is UTF-16BE with its byte order mark"
                        );
                        let outer = open
                            .last()
                            .cloned()
                            .expect("a Span lies inside a marked-content sequence");
                        open.push(outer);
                        continue;
                    }
                    let mcid = operation.operands[1]
                        .as_dict()
                        .ok()
                        .and_then(|properties| properties.get(b"MCID").ok())
                        .and_then(|mcid| mcid.as_i64().ok());
                    assert!(open.is_empty(), "marked content is not nested here");
                    match mcid {
                        Some(mcid) => {
                            seen.push(mcid);
                            open.push(Some((tag, mcid)));
                        }
                        None => {
                            assert_eq!(tag, "Artifact", "BDC without MCID");
                            open.push(None);
                        }
                    }
                }
                "BMC" => {
                    assert!(open.is_empty(), "marked content is not nested here");
                    assert_eq!(operation.operands[0].as_name().ok(), Some(&b"Artifact"[..]));
                    open.push(None);
                }
                "EMC" => {
                    open.pop().expect("EMC closes an open sequence");
                }
                "Tj" | "TJ" | "'" | "\"" | "Do" | "re" | "m" | "f" | "S" => assert!(
                    !open.is_empty(),
                    "page {}: `{}` outside any marked content",
                    index + 1,
                    operation.operator
                ),
                _ => {}
            }
            if let Some(Some((tag, mcid))) = open.last() {
                let element = elements
                    .get(*mcid as usize)
                    .and_then(|element| element.as_reference().ok())
                    .unwrap_or_else(|| {
                        panic!("page {}: MCID {mcid} not in the parent tree", index + 1)
                    });
                assert_eq!(
                    parents.get(&(index, *mcid)),
                    Some(&element),
                    "page {}: MCID {mcid}'s element does not hold it",
                    index + 1
                );
                let s = name(document.get_dictionary(element).expect("element"), b"S");
                assert_eq!(
                    s.as_deref(),
                    Some(tag.as_str()),
                    "the BDC tag is the element's"
                );
            }
        }
        assert!(open.is_empty(), "page {}: a sequence left open", index + 1);
        let expected: Vec<i64> = (0..seen.len() as i64).collect();
        assert_eq!(
            seen,
            expected,
            "page {}: MCIDs 0, 1, 2… in order",
            index + 1
        );
        assert_eq!(
            elements.len(),
            seen.len(),
            "page {}: parent tree size",
            index + 1
        );
    }
    assert_eq!(
        parents.len(),
        listed.values().map(Vec::len).sum::<usize>(),
        "every MCID of the tree is on a page"
    );

    let lang = catalog.get(b"Lang").ok().and_then(text);
    let marked = catalog
        .get(b"MarkInfo")
        .map(|info| dictionary(&document, info))
        .and_then(|info| info.get(b"Marked"))
        .and_then(Object::as_bool)
        .unwrap_or(false);
    let display_doc_title = catalog
        .get(b"ViewerPreferences")
        .map(|preferences| dictionary(&document, preferences))
        .and_then(|preferences| preferences.get(b"DisplayDocTitle"))
        .and_then(Object::as_bool)
        .unwrap_or(false);
    let xmp = catalog
        .get(b"Metadata")
        .ok()
        .and_then(|metadata| resolve(&document, metadata).as_stream().ok())
        .map(|stream| String::from_utf8_lossy(&stream.content).into_owned())
        .unwrap_or_default();
    let mut outline = Vec::new();
    if let Ok(outlines) = catalog.get(b"Outlines") {
        let mut next = dictionary(&document, outlines).get(b"First").ok().cloned();
        while let Some(item) = next {
            let item = dictionary(&document, &item);
            outline.push(item.get(b"Title").ok().and_then(text).unwrap_or_default());
            next = item.get(b"Next").ok().cloned();
        }
    }
    Tagged {
        document,
        root,
        lang,
        marked,
        display_doc_title,
        xmp,
        outline,
    }
}

/// Checks the shape of every table: rows only; a first row of column headers; then rows of
/// data cells, or one cell across the table (a group heading).
pub fn check_tables(root: &Element) -> usize {
    let tables = root.find("Table");
    for table in &tables {
        assert!(!table.kids.is_empty(), "an empty table");
        assert!(table.kids.iter().all(|row| row.tag == "TR"), "{table:?}");
        let header = &table.kids[0];
        assert!(!header.kids.is_empty());
        for cell in &header.kids {
            assert_eq!(cell.tag, "TH");
            assert_eq!(cell.scope.as_deref(), Some("Column"));
        }
        let columns = header.kids.len() as i64;
        for row in &table.kids[1..] {
            assert!(row.kids.iter().all(|cell| cell.tag == "TD"), "{row:?}");
            match row.kids.as_slice() {
                [single] if single.col_span.is_some() => {
                    assert_eq!(single.col_span, Some(columns));
                }
                cells => assert_eq!(cells.len() as i64, columns, "one cell per column"),
            }
        }
    }
    tables.len()
}

/// The headings (`H1`–`H6`) in reading order: (level tag, title).
pub fn headings(root: &Element) -> Vec<(String, String)> {
    root.walk()
        .into_iter()
        .filter(|element| element.tag.len() == 2 && element.tag.starts_with('H'))
        .map(|element| {
            (
                element.tag.clone(),
                element.title.clone().expect("every heading has a /T"),
            )
        })
        .collect()
}

/// One bookmark of the outline and the structure element its `/SE` names.
#[derive(Debug)]
pub struct Bookmark {
    /// 0 for a top-level item, 1 for its children.
    pub level: usize,
    pub title: String,
    /// The element's `/Type`, `/S` and `/T`, when the item has an `/SE`.
    pub element: Option<(String, String, String)>,
}

/// Every bookmark of the outline, in order, each with the element it names.
pub fn bookmarks(path: &Path) -> Vec<Bookmark> {
    let document = Document::load(path).expect("lopdf reads the PDF");
    let catalog = document.catalog().expect("a catalogue");
    let mut found = Vec::new();
    let Ok(outlines) = catalog.get(b"Outlines") else {
        return found;
    };
    fn walk(document: &Document, first: Option<Object>, level: usize, found: &mut Vec<Bookmark>) {
        let mut next = first;
        while let Some(reference) = next {
            let item = dictionary(document, &reference);
            let element = item.get(b"SE").ok().map(|se| {
                let element = dictionary(document, se);
                (
                    name(element, b"Type").unwrap_or_default(),
                    name(element, b"S").unwrap_or_default(),
                    element.get(b"T").ok().and_then(text).unwrap_or_default(),
                )
            });
            found.push(Bookmark {
                level,
                title: item.get(b"Title").ok().and_then(text).unwrap_or_default(),
                element,
            });
            walk(document, item.get(b"First").ok().cloned(), level + 1, found);
            next = item.get(b"Next").ok().cloned();
        }
    }
    let first = dictionary(&document, outlines).get(b"First").ok().cloned();
    walk(&document, first, 0, &mut found);
    found
}
