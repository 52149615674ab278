//! Writes the generated seeds of `fuzz/corpus/` (CSV and XLSX responses as forms and
//! spreadsheets produce them). The `.tcm` and questionnaire seeds are files of the repository
//! and exports of `tcm`; the live seeds are HTTP requests written by hand.
//!
//! `cargo run -p tcm-fuzz --example seeds`

use std::path::Path;

use rust_xlsxwriter::Workbook;

enum Cell<'a> {
    Text(&'a str),
    Number(f64),
}

fn workbook(rows: &[Vec<Cell<'_>>], start_row: u32) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (row, cells) in rows.iter().enumerate() {
        for (column, cell) in cells.iter().enumerate() {
            let (row, column) = (start_row + row as u32, column as u16);
            let written = match cell {
                Cell::Text(text) => sheet.write_string(row, column, *text).map(|_| ()),
                Cell::Number(number) => sheet.write_number(row, column, *number).map(|_| ()),
            };
            written.expect("a cell within the sheet");
        }
    }
    workbook.save_to_buffer().expect("a workbook")
}

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    let csv = root.join("csv");
    let xlsx = root.join("xlsx");
    std::fs::create_dir_all(&csv)?;
    std::fs::create_dir_all(&xlsx)?;
    std::fs::write(
        csv.join("long-sample.csv"),
        "respondent,question,answer,comment\nAnne,sample-cre-01,3,« très bien »\nAnne,sample-act-01,NA,\nBob,sample-cre-01,1,\nBob,sample-pro-02,?,à revoir\n",
    )?;
    std::fs::write(
        csv.join("wide-google-form.csv"),
        "Horodateur,Adresse e-mail,Nom,Rôle,Service,cre-01 - Vos segments ?,cre-02 - Vos actions…,Commentaire cre-02,act-01: Mesurez-vous la satisfaction ?,Score\n\
2025/03/04 10:12:01 UTC+1,claire@exemple.fr,Claire Martin,Directrice commerciale,Ventes,3,NSP,,4.0,\n\
2025/03/04 10:15:47 UTC+1,paul@exemple.fr,Paul Durand,Responsable SAV,Service client,N.A.,2,\"Ciblage « à l’instinct », pas de données\",,\n",
    )?;
    std::fs::write(
        csv.join("wide-excel-windows-1252.csv"),
        b"R\xe9pondant;Fonction;sample-cre-01 : Segments;Commentaire sample-cre-01\r\nH\xe9l\xe8ne;Directrice;3;\"Tr\xe8s \xabcomplet\xbb ;\r\n\xe0 revoir l\x92an prochain\"\r\nBob;;0;\r\n",
    )?;
    std::fs::write(
        csv.join("long-excel-bom-semicolon.csv"),
        "\u{feff}répondant;question;réponse;commentaire\r\nInès;sample-cur-01;2;\"« à revoir »\"\r\nInès;sample-pre-01;NSP;\r\n",
    )?;
    std::fs::write(
        xlsx.join("wide-form.xlsx"),
        workbook(
            &[
                vec![
                    Cell::Text("Horodatage"),
                    Cell::Text("Nom"),
                    Cell::Text("Groupe"),
                    Cell::Text("sample-cre-01 Segments"),
                    Cell::Text("Commentaire sample-cre-01"),
                    Cell::Text("sample-act-02"),
                ],
                vec![
                    Cell::Number(45_000.5),
                    Cell::Text("Anne"),
                    Cell::Text("G1"),
                    Cell::Number(3.0),
                    Cell::Text("« à revoir »"),
                    Cell::Text("NA"),
                ],
                vec![
                    Cell::Number(45_001.0),
                    Cell::Text("Bob"),
                    Cell::Text(""),
                    Cell::Number(0.0),
                    Cell::Text(""),
                    Cell::Number(4.0),
                ],
            ],
            0,
        ),
    )?;
    std::fs::write(
        xlsx.join("long-offset.xlsx"),
        workbook(
            &[
                vec![
                    Cell::Text("respondent"),
                    Cell::Text("question"),
                    Cell::Text("answer"),
                    Cell::Text("comment"),
                ],
                vec![
                    Cell::Text("Anne"),
                    Cell::Text("sample-cre-01"),
                    Cell::Number(2.0),
                    Cell::Text("ok"),
                ],
                vec![
                    Cell::Text("Bob"),
                    Cell::Text("sample-pro-01"),
                    Cell::Text("?"),
                    Cell::Text(""),
                ],
            ],
            3,
        ),
    )?;
    println!("seeds written under {}", root.display());
    Ok(())
}
