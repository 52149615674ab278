//! What printpdf does not write, added to its document before it is saved: the outline
//! (bookmarks, in reading order, two levels), the document language (`/Lang`), and an
//! information dictionary that claims nothing false.
//!
//! printpdf 0.12 always writes `GTS_PDFXVersion` into the information dictionary, empty when
//! no PDF/X conformance is chosen, which readers such as pdfinfo take for a PDF/X claim; it
//! also writes an empty `Identifier` and `Keywords` and `Trapped` as a string. Those keys are
//! removed. Its own bookmarks are sorted by page then by name, not in reading order, so the
//! outline is built here.
//!
//! The report is not a tagged PDF: printpdf can emit marked-content operators but builds no
//! structure tree (`StructTreeRoot`, `ParentTree`, `StructParents`) and no `/MarkInfo`, so a
//! document claiming to be tagged would be false (see the README, "Accessibility").

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::page::OutlineEntry;

/// Keys of printpdf's information dictionary that are removed.
const DROPPED_INFO_KEYS: [&[u8]; 4] = [b"GTS_PDFXVersion", b"Identifier", b"Keywords", b"Trapped"];

/// Adds the outline and the language, and cleans the information dictionary.
pub fn finish(document: &mut Document, language: &str, outline: &[OutlineEntry]) {
    clean_info(document);
    let pages: Vec<ObjectId> = document.get_pages().into_values().collect();
    let outlines = add_outline(document, &pages, outline);
    if let Ok(catalog) = document.catalog_mut() {
        catalog.set("Lang", Object::string_literal(language));
        if let Some(outlines) = outlines {
            catalog.set("Outlines", Object::Reference(outlines));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
    }
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

/// Writes the outline tree; `None` when there is no bookmark.
fn add_outline(
    document: &mut Document,
    pages: &[ObjectId],
    outline: &[OutlineEntry],
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
