//! What printpdf does not write, added to its document before it is saved: the outline
//! (bookmarks, in reading order, two levels), the document language (`/Lang`), the logical
//! structure that makes it a tagged PDF, and an information dictionary that claims nothing
//! false.
//!
//! printpdf 0.12 always writes `GTS_PDFXVersion` into the information dictionary, empty when
//! no PDF/X conformance is chosen, which readers such as pdfinfo take for a PDF/X claim; it
//! also writes an empty `Identifier` and `Keywords` and `Trapped` as a string. Those keys are
//! removed. Its own bookmarks are sorted by page then by name, not in reading order, so the
//! outline is built here.
//!
//! printpdf writes the marked-content operators the composer puts in each page
//! (`/P <</MCID 0>> BDC … EMC`, `/Artifact BMC … EMC`) but no structure tree: the tree
//! recorded by `tagging.rs` is written here — `/StructTreeRoot` with one `StructElem` per
//! element in reading order, the `/ParentTree` number tree from each page's marked-content
//! ids back to their elements, each page's `/StructParents` — with `/MarkInfo <</Marked
//! true>>` and `/ViewerPreferences <</DisplayDocTitle true>>` in the catalogue.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::assemble::Metadata;
use super::page::OutlineEntry;
use super::tagging::{CellAttribute, Kid, Tagging};

/// Keys of printpdf's information dictionary that are removed.
const DROPPED_INFO_KEYS: [&[u8]; 4] = [b"GTS_PDFXVersion", b"Identifier", b"Keywords", b"Trapped"];

/// Adds the outline, the language and the structure tree, and cleans the information
/// dictionary.
pub fn finish(document: &mut Document, metadata: &Metadata<'_>, tagging: &Tagging) {
    clean_info(document);
    // printpdf declares PDF 1.3; `/Lang`, `/MarkInfo` and `DisplayDocTitle` are of 1.4, and
    // PDF/UA-1 rests on ISO 32000-1 (PDF 1.7).
    document.version = "1.7".to_owned();
    let pages: Vec<ObjectId> = document.get_pages().into_values().collect();
    let (structure, elements) = add_structure(document, &pages, tagging);
    let outlines = add_outline(document, &pages, metadata.outline, &elements);
    let mut xmp = Stream::new(
        Dictionary::from_iter([("Type", name("Metadata")), ("Subtype", name("XML"))]),
        xmp(metadata).into_bytes(),
    );
    // Left uncompressed, as readers of XMP packets expect.
    xmp.allows_compression = false;
    let xmp = document.add_object(xmp);
    if let Ok(catalog) = document.catalog_mut() {
        catalog.set("Lang", Object::string_literal(metadata.language));
        catalog.set("Metadata", Object::Reference(xmp));
        if let Some(outlines) = outlines {
            catalog.set("Outlines", Object::Reference(outlines));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        catalog.set("StructTreeRoot", Object::Reference(structure));
        let mut mark_info = Dictionary::new();
        mark_info.set("Marked", Object::Boolean(true));
        catalog.set("MarkInfo", Object::Dictionary(mark_info));
        let mut preferences = Dictionary::new();
        preferences.set("DisplayDocTitle", Object::Boolean(true));
        catalog.set("ViewerPreferences", Object::Dictionary(preferences));
    }
}

/// Text for an XML element: markup characters escaped, characters XML cannot carry dropped.
fn xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\t' | '\n' | '\r' => escaped.push(character),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// The XMP metadata packet: the same title, author, subject and dates as the information
/// dictionary, the language, and the PDF/UA-1 identification (ISO 14289-1, 5) that the
/// tagged structure, `/Lang`, the title shown by viewers and the marked artifacts support.
fn xmp(metadata: &Metadata<'_>) -> String {
    let date = metadata.date.format("%Y-%m-%dT12:00:00Z").to_string();
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
<rdf:Description rdf:about=\"\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" \
xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n\
<dc:format>application/pdf</dc:format>\n\
<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>\n\
<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>\n\
<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>\n\
<xmp:CreatorTool>{creator}</xmp:CreatorTool>\n\
<xmp:CreateDate>{date}</xmp:CreateDate>\n\
<xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
<xmp:MetadataDate>{date}</xmp:MetadataDate>\n\
<pdf:Producer>{producer}</pdf:Producer>\n\
<pdfuaid:part>1</pdfuaid:part>\n\
</rdf:Description>\n\
</rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"r\"?>",
        title = xml(metadata.title),
        author = xml(metadata.author),
        subject = xml(metadata.subject),
        language = xml(metadata.language),
        creator = xml(super::CREATOR),
        producer = xml(super::PRODUCER),
    )
}

fn name(value: &str) -> Object {
    Object::Name(value.as_bytes().to_vec())
}

/// Writes the structure tree of `tagging` over `pages` and gives each page its
/// `/StructParents`; returns the `/StructTreeRoot` and each element's object, by index.
fn add_structure(
    document: &mut Document,
    pages: &[ObjectId],
    tagging: &Tagging,
) -> (ObjectId, Vec<ObjectId>) {
    let root = document.new_object_id();
    let elements = tagging.elements();
    let ids: Vec<ObjectId> = elements.iter().map(|_| document.new_object_id()).collect();
    // For each page, the element of each marked-content id.
    let mut parents: Vec<Vec<Object>> = (0..pages.len())
        .map(|page| {
            let count = tagging.mcids_per_page().get(page).copied().unwrap_or(0);
            vec![Object::Null; count as usize]
        })
        .collect();
    for (index, element) in elements.iter().enumerate() {
        let mut dictionary = Dictionary::new();
        dictionary.set("Type", name("StructElem"));
        dictionary.set("S", name(element.tag.name()));
        dictionary.set(
            "P",
            Object::Reference(element.parent.map_or(root, |parent| ids[parent])),
        );
        let home = element.kids.iter().find_map(|kid| match kid {
            Kid::Content { page, .. } if *page < pages.len() => Some(*page),
            _ => None,
        });
        if let Some(page) = home {
            dictionary.set("Pg", Object::Reference(pages[page]));
        }
        let mut kids = Vec::with_capacity(element.kids.len());
        for kid in &element.kids {
            match *kid {
                Kid::Element(child) => kids.push(Object::Reference(ids[child])),
                Kid::Content { page, mcid } => {
                    let Some(slot) = parents
                        .get_mut(page)
                        .and_then(|page| page.get_mut(mcid as usize))
                    else {
                        continue;
                    };
                    *slot = Object::Reference(ids[index]);
                    if Some(page) == home {
                        kids.push(Object::Integer(i64::from(mcid)));
                    } else {
                        // Content on another page than the element's: a marked-content
                        // reference naming its page.
                        let mut reference = Dictionary::new();
                        reference.set("Type", name("MCR"));
                        reference.set("Pg", Object::Reference(pages[page]));
                        reference.set("MCID", Object::Integer(i64::from(mcid)));
                        kids.push(Object::Dictionary(reference));
                    }
                }
            }
        }
        if !kids.is_empty() {
            dictionary.set("K", Object::Array(kids));
        }
        if let Some(title) = &element.title {
            dictionary.set("T", text(title));
        }
        if let Some(alt) = &element.alt {
            dictionary.set("Alt", text(alt));
        }
        if let Some(cell) = element.cell {
            let mut attributes = Dictionary::new();
            attributes.set("O", name("Table"));
            match cell {
                CellAttribute::ColumnHeader => attributes.set("Scope", name("Column")),
                CellAttribute::ColSpan(columns) => {
                    attributes.set("ColSpan", Object::Integer(columns as i64));
                }
            }
            dictionary.set("A", Object::Dictionary(attributes));
        }
        document
            .objects
            .insert(ids[index], Object::Dictionary(dictionary));
    }
    let mut numbers = Vec::with_capacity(2 * pages.len());
    for (page, (id, elements)) in pages.iter().zip(parents).enumerate() {
        if let Ok(Object::Dictionary(dictionary)) = document.get_object_mut(*id) {
            dictionary.set("StructParents", Object::Integer(page as i64));
            dictionary.set("Tabs", name("S"));
        }
        numbers.push(Object::Integer(page as i64));
        numbers.push(Object::Array(elements));
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", Object::Array(numbers));
    let parent_tree = document.add_object(Object::Dictionary(parent_tree));
    let mut dictionary = Dictionary::new();
    dictionary.set("Type", name("StructTreeRoot"));
    if let Some(document_element) = ids.first() {
        dictionary.set(
            "K",
            Object::Array(vec![Object::Reference(*document_element)]),
        );
    }
    dictionary.set("ParentTree", Object::Reference(parent_tree));
    dictionary.set("ParentTreeNextKey", Object::Integer(pages.len() as i64));
    document
        .objects
        .insert(root, Object::Dictionary(dictionary));
    (root, ids)
}

fn clean_info(document: &mut Document) {
    let Ok(Object::Reference(info)) = document.trailer.get(b"Info").cloned() else {
        return;
    };
    if let Ok(Object::Dictionary(dictionary)) = document.get_object_mut(info) {
        for key in DROPPED_INFO_KEYS {
            dictionary.remove(key);
        }
    }
}

/// A text string as PDF wants it for any character: UTF-16BE with its byte-order mark.
fn text(value: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in value.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Writes the outline tree, each bookmark naming its heading's structure element (`/SE`,
/// from `elements`, the structure's objects by index) so that assistive technology goes from
/// the bookmark to the heading; `None` when there is no bookmark.
fn add_outline(
    document: &mut Document,
    pages: &[ObjectId],
    outline: &[OutlineEntry],
    elements: &[ObjectId],
) -> Option<ObjectId> {
    if outline.is_empty() {
        return None;
    }
    let root = document.new_object_id();
    let ids: Vec<ObjectId> = outline.iter().map(|_| document.new_object_id()).collect();
    // Each entry's parent: the root for a section (or a part before any section), else the
    // section above it.
    let mut parents = Vec::with_capacity(outline.len());
    let mut section: Option<usize> = None;
    for (index, entry) in outline.iter().enumerate() {
        if entry.level == 0 || section.is_none() {
            section = Some(index);
            parents.push(None);
        } else {
            parents.push(section);
        }
    }
    let children = |parent: Option<usize>| -> Vec<usize> {
        (0..outline.len())
            .filter(|index| parents[*index] == parent)
            .collect()
    };
    let write_level = |document: &mut Document, parent: Option<usize>, parent_id: ObjectId| {
        let siblings = children(parent);
        for (position, index) in siblings.iter().enumerate() {
            let entry = &outline[*index];
            let page = pages
                .get(entry.page)
                .or_else(|| pages.last())
                .copied()
                .unwrap_or(root);
            let mut item = Dictionary::new();
            item.set("Title", text(&entry.title));
            item.set("Parent", Object::Reference(parent_id));
            item.set(
                "Dest",
                Object::Array(vec![Object::Reference(page), Object::Name(b"Fit".to_vec())]),
            );
            if let Some(element) = entry.element.and_then(|element| elements.get(element)) {
                item.set("SE", Object::Reference(*element));
            }
            if position > 0 {
                item.set("Prev", Object::Reference(ids[siblings[position - 1]]));
            }
            if let Some(next) = siblings.get(position + 1) {
                item.set("Next", Object::Reference(ids[*next]));
            }
            let own = children(Some(*index));
            if let (Some(first), Some(last)) = (own.first(), own.last()) {
                item.set("First", Object::Reference(ids[*first]));
                item.set("Last", Object::Reference(ids[*last]));
                item.set("Count", Object::Integer(-(own.len() as i64)));
            }
            document
                .objects
                .insert(ids[*index], Object::Dictionary(item));
        }
        siblings
    };
    let top = write_level(document, None, root);
    for section in &top {
        write_level(document, Some(*section), ids[*section]);
    }
    let mut dictionary = Dictionary::new();
    dictionary.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(first), Some(last)) = (top.first(), top.last()) {
        dictionary.set("First", Object::Reference(ids[*first]));
        dictionary.set("Last", Object::Reference(ids[*last]));
    }
    dictionary.set("Count", Object::Integer(top.len() as i64));
    document
        .objects
        .insert(root, Object::Dictionary(dictionary));
    Some(root)
}
