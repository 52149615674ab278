//! Writes the crafted XLSX files of `tests/fixtures/hostile/` (the CSV, `.tcm` and TOML files
//! there are written by hand). Run from the repository root after changing a builder:
//! `cargo run -p tcm-interchange --example hostile_corpus`.

#[path = "../tests/support/hostile.rs"]
mod hostile;

fn main() -> std::io::Result<()> {
    let folder = std::path::Path::new("tests/fixtures/hostile");
    std::fs::create_dir_all(folder)?;
    for (name, bytes) in hostile::xlsx_corpus() {
        std::fs::write(folder.join(name), &bytes)?;
        println!("{name}: {} bytes", bytes.len());
    }
    Ok(())
}
