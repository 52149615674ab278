//! Embeds the participant page (built by Vite from `ui/live` into `ui/dist-live`) into
//! the crate: writes `assets.rs` in OUT_DIR, one `(path, bytes)` entry per file of the bundle.
//! A missing bundle stops the build with the command that makes it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let dist = manifest.join("../../ui/dist-live");
    println!("cargo::rerun-if-changed={}", dist.display());
    if !dist.join("index.html").is_file() {
        panic!(
            "\n\nThe participant page of live sessions is not built: {} has no index.html.\n\
             Build it first (from the repository root):\n\n    \
             npm --prefix ui install && npm --prefix ui run build:live\n\n\
             (scripts/test.sh and scripts/run.sh do this before cargo.)\n",
            dist.display()
        );
    }
    let mut files = Vec::new();
    collect(&dist, &dist, &mut files);
    files.sort();
    let mut code =
        String::from("/// The participant page's files: path under the bundle, bytes.\n");
    code.push_str("pub(crate) static FILES: &[(&str, &[u8])] = &[\n");
    for (relative, absolute) in &files {
        println!("cargo::rerun-if-changed={}", absolute.display());
        let _ = writeln!(
            code,
            "    ({relative:?}, include_bytes!({:?})),",
            absolute.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    std::fs::write(out.join("assets.rs"), code).expect("OUT_DIR is writable");
}

fn collect(root: &Path, folder: &Path, files: &mut Vec<(String, PathBuf)>) {
    let entries = std::fs::read_dir(folder).expect("the bundle folder is readable");
    for entry in entries {
        let path = entry.expect("the bundle folder is readable").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let relative = path
                .strip_prefix(root)
                .expect("under the bundle folder")
                .to_string_lossy()
                .replace('\\', "/");
            files.push((relative, path));
        }
    }
}
