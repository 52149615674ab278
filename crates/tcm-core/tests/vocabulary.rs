//! One vocabulary: the domain's shared terms are written once in the Rust sources, in
//! `tcm_core::vocabulary`, and every output takes them from there.

use std::fs;
use std::path::{Path, PathBuf};

use tcm_core::vocabulary::OVERALL_INDEX;

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("");
        if path.is_dir() {
            if name != "target" && name != "node_modules" && !name.starts_with('.') {
                rust_files(&path, found);
            }
        } else if name.ends_with(".rs") {
            found.push(path);
        }
    }
}

#[test]
fn the_overall_index_is_named_in_exactly_one_place_of_the_rust_sources() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["crates", "src-tauri"] {
        if root.join(dir).is_dir() {
            rust_files(&root.join(dir), &mut files);
        }
    }
    assert!(files.len() > 50, "the Rust sources were not found");
    for phrase in [OVERALL_INDEX.fr, OVERALL_INDEX.en] {
        let places: Vec<String> = files
            .iter()
            .filter_map(|path| {
                let text = fs::read_to_string(path).ok()?;
                let count = text.matches(phrase).count();
                (count > 0).then(|| format!("{} ({count}×)", path.display()))
            })
            .collect();
        assert_eq!(
            places.len(),
            1,
            "`{phrase}` is written in {places:?}: take it from tcm_core::vocabulary"
        );
        assert!(places[0].contains("vocabulary.rs (1×)"), "{places:?}");
    }
}
