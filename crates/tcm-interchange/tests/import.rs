//! Importing responses from the files people really have: long or wide (online forms), CSV
//! in every encoding and dialect French offices produce, and XLSX workbooks.

use tcm_core::{Answer, AnswerSheet, Level, QuestionId, Questionnaire, Respondent};
use tcm_interchange::{
    FileKind, ImportError, ImportedResponses, ResponseFormat, read_answers_csv, read_responses,
};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");
const TCM_92: &str = include_str!("../../../questionnaires/tcm-92.toml");

fn sample() -> Questionnaire {
    Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid")
}

fn tcm_92() -> Questionnaire {
    Questionnaire::from_toml(TCM_92, "tcm-92.toml").expect("valid")
}

fn import_csv(text: &str, questionnaire: &Questionnaire) -> Result<ImportedResponses, ImportError> {
    read_responses(text.as_bytes(), FileKind::Csv, questionnaire)
}

fn level(value: u8) -> Answer {
    Answer::Level(Level::new(value).expect("a level"))
}

fn answer(
    sheet: &AnswerSheet,
    respondent: &str,
    question: &str,
) -> Option<(Answer, Option<String>)> {
    sheet
        .response(&Respondent::new(respondent), &QuestionId::new(question))
        .map(|response| (response.answer, response.comment.clone()))
}

fn labels(imported: &ImportedResponses) -> Vec<(&str, &str, &str)> {
    imported
        .respondents
        .iter()
        .map(|profile| {
            (
                profile.label.as_str(),
                profile.role.as_str(),
                profile.group.as_str(),
            )
        })
        .collect()
}

/// The error's text, one problem per line.
fn refusal(result: Result<ImportedResponses, ImportError>) -> String {
    match result {
        Ok(imported) => panic!("expected a refusal, got {imported:?}"),
        Err(error) => error.to_string(),
    }
}

/// A cell of a test workbook.
enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    Empty,
}

/// An XLSX workbook with these sheets, each a list of rows from A1.
fn workbook(sheets: &[(&str, Vec<Vec<Cell<'_>>>)]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).expect("a valid sheet name");
        for (row, cells) in rows.iter().enumerate() {
            for (column, cell) in cells.iter().enumerate() {
                let (row, column) = (row as u32, column as u16);
                match cell {
                    Cell::Text(text) => sheet.write_string(row, column, *text).map(drop),
                    Cell::Number(number) => sheet.write_number(row, column, *number).map(drop),
                    Cell::Empty => Ok(()),
                }
                .expect("a cell within the sheet");
            }
        }
    }
    workbook.save_to_buffer().expect("a workbook")
}

#[test]
fn the_long_format_reads_as_tcm_score_reads_it_and_keeps_file_order() {
    let text = "respondent,question,answer,comment\n\
                Zoé,sample-cre-01,3,\"revu, en 2024\"\n\
                Anne,sample-cre-01,NA,\n\
                Zoé,sample-act-01,?,\n";
    let imported = import_csv(text, &sample()).expect("valid");
    assert_eq!(imported.format, ResponseFormat::Long);
    assert_eq!(labels(&imported), [("Zoé", "", ""), ("Anne", "", "")]);
    assert_eq!(
        imported.sheet,
        read_answers_csv(text.as_bytes(), &sample()).expect("valid")
    );
    assert!(imported.ignored_columns.is_empty());
}

#[test]
fn the_long_format_may_have_french_headers_and_extra_columns() {
    let text = "Horodatage;Répondant;Question;Réponse;Commentaire\r\n\
                2025-03-01;Anne;sample-cur-01;2;« à revoir »\r\n";
    let imported = import_csv(text, &sample()).expect("valid");
    assert_eq!(imported.format, ResponseFormat::Long);
    assert_eq!(
        answer(&imported.sheet, "Anne", "sample-cur-01"),
        Some((level(2), Some("« à revoir »".to_owned())))
    );
    assert_eq!(imported.ignored_columns, ["Horodatage"]);
}

/// What Google Forms exports, in French, once the question ids lead the question texts.
const GOOGLE_FORM: &str = "Horodateur,Adresse e-mail,Nom,Rôle,Service,\
cre-01 - Vos segments de clientèle intègrent-ils des critères de comportement ?,\
cre-02 - Vos actions de conquête ciblent-elles des prospects…,\
Commentaire cre-02,\
act-01: Mesurez-vous la satisfaction ?,\
Score\n\
2025/03/04 10:12:01 UTC+1,claire@exemple.fr,Claire Martin,Directrice commerciale,Ventes,3,NSP,,4.0,\n\
2025/03/04 10:15:47 UTC+1,paul@exemple.fr,Paul Durand,Responsable SAV,Service client,N.A.,2,\"Ciblage « à l’instinct », pas de données\",,\n\
2025/03/04 11:02:13 UTC+1,,Inès,,,,,,1,\n";

#[test]
fn a_google_forms_wide_export_is_read_with_profiles_and_comments() {
    let imported = import_csv(GOOGLE_FORM, &tcm_92()).expect("valid");
    assert_eq!(imported.format, ResponseFormat::Wide);
    assert_eq!(
        labels(&imported),
        [
            ("Claire Martin", "Directrice commerciale", "Ventes"),
            ("Paul Durand", "Responsable SAV", "Service client"),
            ("Inès", "", ""),
        ]
    );
    let sheet = &imported.sheet;
    assert_eq!(sheet.len(), 6);
    assert_eq!(
        answer(sheet, "Claire Martin", "cre-01"),
        Some((level(3), None))
    );
    assert_eq!(
        answer(sheet, "Claire Martin", "cre-02"),
        Some((Answer::DontKnow, None))
    );
    assert_eq!(
        answer(sheet, "Claire Martin", "act-01"),
        Some((level(4), None))
    );
    assert_eq!(
        answer(sheet, "Paul Durand", "cre-01"),
        Some((Answer::NotApplicable, None))
    );
    assert_eq!(
        answer(sheet, "Paul Durand", "cre-02"),
        Some((
            level(2),
            Some("Ciblage « à l’instinct », pas de données".to_owned())
        ))
    );
    assert_eq!(answer(sheet, "Paul Durand", "act-01"), None);
    assert_eq!(answer(sheet, "Inès", "act-01"), Some((level(1), None)));
    assert_eq!(
        imported.ignored_columns,
        ["Horodateur", "Adresse e-mail", "Score"]
    );
}

#[test]
fn french_excel_csv_in_windows_1252_with_crlf_and_quoted_newlines() {
    // « Répondant;Fonction;sample-cre-01;Commentaire sample-cre-01 », the comment spanning two
    // lines; é = E9, è = E8, à = E0, « = AB, » = BB, ’ = 92 in Windows-1252.
    let bytes = b"R\xe9pondant;Fonction;sample-cre-01 : Segments;Commentaire sample-cre-01\r\n\
H\xe9l\xe8ne;Directrice;3;\"Tr\xe8s \xabcomplet\xbb ;\r\n\xe0 revoir l\x92an prochain\"\r\n\
Bob;;0;\r\n";
    let imported = read_responses(bytes, FileKind::Csv, &sample()).expect("valid");
    assert_eq!(imported.format, ResponseFormat::Wide);
    assert_eq!(
        labels(&imported),
        [("Hélène", "Directrice", ""), ("Bob", "", "")]
    );
    assert_eq!(
        answer(&imported.sheet, "Hélène", "sample-cre-01"),
        Some((
            level(3),
            Some("Très «complet» ;\r\nà revoir l’an prochain".to_owned())
        ))
    );
    assert_eq!(
        answer(&imported.sheet, "Bob", "sample-cre-01"),
        Some((level(0), None))
    );
}

#[test]
fn csv_dialects_read_alike() {
    let expected = import_csv(
        "respondent,sample-cre-01,sample-act-01\nAnne,3,?\nBob,,NA\n",
        &sample(),
    )
    .expect("valid");
    for text in [
        "\u{feff}respondent,sample-cre-01,sample-act-01\nAnne,3,?\nBob,,NA\n",
        "respondent;sample-cre-01;sample-act-01\r\nAnne;3;?\r\nBob;;NA\r\n",
        "respondent\tsample-cre-01\tsample-act-01\nAnne\t3\t?\nBob\t\tNA\n",
        "\"respondent\",\"sample-cre-01\",\"sample-act-01\"\n\"Anne\",\"3\",\"?\"\n\n\"Bob\",\"\",\"NA\"\n",
        "Respondent , SAMPLE-CRE-01 , sample-act-01\n Anne , 3.0 , ? \nBob,,n/a\n",
    ] {
        let imported = import_csv(text, &sample()).expect("valid");
        assert_eq!(imported.sheet, expected.sheet, "{text:?}");
        assert_eq!(imported.respondents, expected.respondents, "{text:?}");
        assert_eq!(
            imported.ignored_columns, expected.ignored_columns,
            "{text:?}"
        );
    }
    assert_eq!(expected.sheet.len(), 3);
}

#[test]
fn every_problem_is_named_by_its_line_and_nothing_is_imported() {
    let cases: [(&str, &str, &[&str]); 8] = [
        (
            "unknown question id in long format",
            "respondent,question,answer\nAnne,sample-cre-01,3\nAnne,cre-99,3\n",
            &["line 3: unknown question id `cre-99` (not in questionnaire `sample`)"],
        ),
        (
            "duplicate respondent × question in long format",
            "respondent,question,answer\nAnne,sample-cre-01,3\nAnne,sample-cre-01,2\n",
            &["line 3: respondent `Anne` already answered question `sample-cre-01` at line 2"],
        ),
        (
            "empty respondent in long format",
            "respondent,question,answer\n,sample-cre-01,3\n",
            &["line 2: the respondent is empty"],
        ),
        (
            "long-format answers are strict",
            "respondent,question,answer\nAnne,sample-cre-01,NSP\n",
            &["line 2: invalid answer `NSP` (expected 0, 1, 2, 3, 4, NA or ?)"],
        ),
        (
            "invalid answers in wide format name their question",
            "nom,sample-cre-01,sample-cre-02\nAnne,7,2.5\nBob,3,oui\n",
            &[
                "line 2: invalid answer `7` to question `sample-cre-01` (accepted: 0 to 4, a level's label (`Absent` … `Optimisé avec les clients`), a level with its label (`3 - Déployé et mesuré`), NA, sans objet, ? or NSP)",
                "line 2: invalid answer `2.5` to question `sample-cre-02` (accepted: 0 to 4, a level's label (`Absent` … `Optimisé avec les clients`), a level with its label (`3 - Déployé et mesuré`), NA, sans objet, ? or NSP)",
                "line 3: invalid answer `oui` to question `sample-cre-02` (accepted: 0 to 4, a level's label (`Absent` … `Optimisé avec les clients`), a level with its label (`3 - Déployé et mesuré`), NA, sans objet, ? or NSP)",
            ],
        ),
        (
            "empty respondent and duplicate respondent row in wide format",
            "nom;sample-cre-01\nAnne;3\n;2\nAnne;1\n",
            &[
                "line 3: the respondent is empty",
                "line 4: respondent `Anne` already has a row at line 2",
            ],
        ),
        (
            "a comment without an answer, and a row of the wrong width",
            "nom,sample-cre-01,commentaire sample-cre-01\nAnne,,à voir\nBob,3,un,deux\n",
            &[
                "line 2: a comment on question `sample-cre-01` without an answer (give an answer, `?` if unknown, or clear the comment)",
                "line 3: expected 3 fields as in the header, found 4 (is a comment with a delimiter missing its quotes?)",
            ],
        ),
        (
            "two columns for one question",
            "nom,sample-cre-01 Segments,SAMPLE-CRE-01\nAnne,3,2\n",
            &[
                "line 1: a second column for question `sample-cre-01` (the first is `sample-cre-01 Segments`)",
            ],
        ),
    ];
    for (case, text, expected) in cases {
        assert_eq!(
            refusal(import_csv(text, &sample())),
            expected.join("\n"),
            "{case}"
        );
    }
}

#[test]
fn files_that_are_not_responses_are_explained() {
    assert_eq!(import_csv("", &sample()), Err(ImportError::Empty));
    assert_eq!(import_csv(" \r\n \n", &sample()), Err(ImportError::Empty));
    assert_eq!(
        refusal(import_csv(
            "Horodateur;Nom;Quelle est votre taille ?\n2025-03-01;Anne;12\n",
            &sample()
        )),
        "no column of the file is a question of questionnaire `sample` (a question column's \
         header holds a question id, such as `sample-cre-01`, or is a question's text); headers \
         seen: `Horodateur`, `Nom`, `Quelle est votre taille ?`"
    );
    assert!(matches!(
        import_csv("question,answer\nsample-cre-01,3\n", &sample()),
        Err(ImportError::NoRespondentColumn { .. })
    ));
}

#[test]
fn a_header_alone_imports_nobody() {
    let imported = import_csv("nom,sample-cre-01\n", &sample()).expect("valid");
    assert!(imported.respondents.is_empty());
    assert!(imported.sheet.is_empty());
}

#[test]
fn a_form_row_with_only_a_timestamp_is_skipped() {
    let imported = import_csv(
        "Horodateur,Nom,sample-cre-01\n2025-03-01,,\n2025-03-02,Anne,2\n",
        &sample(),
    )
    .expect("valid");
    assert_eq!(labels(&imported), [("Anne", "", "")]);
}

#[test]
fn a_file_wrong_everywhere_lists_twenty_problems_and_counts_the_rest() {
    let mut text = String::from("nom,sample-cre-01\n");
    for row in 0..25 {
        text.push_str(&format!("R{row},9\n"));
    }
    let message = refusal(import_csv(&text, &sample()));
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), 21, "{message}");
    assert!(
        lines[0].starts_with("line 2: invalid answer `9`"),
        "{message}"
    );
    assert!(
        lines[19].starts_with("line 21: invalid answer `9`"),
        "{message}"
    );
    assert_eq!(lines[20], "and 5 more");
    match import_csv(&text, &sample()) {
        Err(ImportError::Problems(problems)) => assert_eq!(problems.total(), 25),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn an_xlsx_form_export_reads_numbers_as_levels_and_names_bad_cells() {
    use Cell::{Empty, Number, Text};
    let sheets = [
        ("Notes", vec![vec![Text("Exporté le 4 mars")]]),
        (
            "Réponses",
            vec![
                vec![
                    Text("Horodateur"),
                    Text("Nom"),
                    Text("Groupe"),
                    Text("sample-cre-01 - Segments"),
                    Text("sample-act-01 - Satisfaction"),
                ],
                vec![
                    Number(45720.4),
                    Text("Anne"),
                    Text("G1"),
                    Number(3.0),
                    Text("NSP"),
                ],
                vec![
                    Number(45720.5),
                    Text("Bob"),
                    Empty,
                    Number(0.0),
                    Number(4.0),
                ],
            ],
        ),
    ];
    let imported = read_responses(&workbook(&sheets), FileKind::Xlsx, &sample()).expect("valid");
    assert_eq!(imported.format, ResponseFormat::Wide);
    assert_eq!(labels(&imported), [("Anne", "", "G1"), ("Bob", "", "")]);
    assert_eq!(
        answer(&imported.sheet, "Anne", "sample-cre-01"),
        Some((level(3), None))
    );
    assert_eq!(
        answer(&imported.sheet, "Anne", "sample-act-01"),
        Some((Answer::DontKnow, None))
    );
    assert_eq!(
        answer(&imported.sheet, "Bob", "sample-cre-01"),
        Some((level(0), None))
    );
    assert_eq!(imported.ignored_columns, ["Horodateur"]);

    let bad = [(
        "Feuil1",
        vec![
            vec![Text("Nom"), Text("sample-cre-01"), Text("sample-act-01")],
            vec![Text("Anne"), Number(3.0), Number(2.5)],
            vec![Empty, Empty, Empty],
            vec![Text("Anne"), Number(7.0), Text("2")],
        ],
    )];
    assert_eq!(
        refusal(read_responses(&workbook(&bad), FileKind::Xlsx, &sample())),
        "cell C2: invalid answer `2.5` to question `sample-act-01` (accepted: 0 to 4, a level's label (`Absent` … `Optimisé avec les clients`), a level with its label (`3 - Déployé et mesuré`), NA, sans objet, ? or NSP)\n\
         cell B4: invalid answer `7` to question `sample-cre-01` (accepted: 0 to 4, a level's label (`Absent` … `Optimisé avec les clients`), a level with its label (`3 - Déployé et mesuré`), NA, sans objet, ? or NSP)\n\
         cell A4: respondent `Anne` already has a row at cell A2"
    );
}

#[test]
fn an_xlsx_long_format_sheet_is_located_by_cell_from_where_its_table_starts() {
    use Cell::{Empty, Number, Text};
    let sheets = [(
        "answers",
        vec![
            vec![],
            vec![Empty, Text("respondent"), Text("question"), Text("answer")],
            vec![Empty, Text("Anne"), Text("sample-pro-01"), Number(2.0)],
            vec![Empty, Text("Anne"), Text("sample-pro-99"), Text("NA")],
        ],
    )];
    assert_eq!(
        refusal(read_responses(
            &workbook(&sheets),
            FileKind::Xlsx,
            &sample()
        )),
        "cell C4: unknown question id `sample-pro-99` (not in questionnaire `sample`)"
    );
}

#[test]
fn what_is_not_an_xlsx_workbook_is_refused_without_panicking() {
    let empty_sheet = workbook(&[("Feuil1", vec![])]);
    assert_eq!(
        read_responses(&empty_sheet, FileKind::Xlsx, &sample()),
        Err(ImportError::EmptySheet {
            sheet: "Feuil1".to_owned()
        })
    );
    for bytes in [
        b"".as_slice(),
        b"respondent,question,answer\n".as_slice(),
        b"PK\x03\x04 not really a zip".as_slice(),
    ] {
        assert!(
            matches!(
                read_responses(bytes, FileKind::Xlsx, &sample()),
                Err(ImportError::UnreadableWorkbook { .. })
            ),
            "{bytes:?}"
        );
    }
}

#[test]
fn truncated_workbooks_never_panic() {
    use Cell::{Number, Text};
    let bytes = workbook(&[(
        "Réponses",
        vec![
            vec![Text("Nom"), Text("sample-cre-01")],
            vec![Text("Anne"), Number(3.0)],
        ],
    )]);
    for length in (0..bytes.len()).step_by(7) {
        // Any outcome but a panic will do: a damaged file is refused or, if what remains
        // still reads, read.
        let _ = read_responses(&bytes[..length], FileKind::Xlsx, &sample());
    }
}

proptest::proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400),
        zip_signature in proptest::prelude::any::<bool>(),
    ) {
        let mut bytes = bytes;
        if zip_signature {
            bytes.splice(0..0, *b"PK\x03\x04");
        }
        let _ = read_responses(&bytes, FileKind::Csv, &sample());
        let _ = read_responses(&bytes, FileKind::Xlsx, &sample());
    }

    #[test]
    fn csv_text_made_of_awkward_pieces_never_panics(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "nom", "respondent", "question", "answer", "sample-cre-01", "commentaire sample-cre-01",
                ";", ",", "\t", "\"", "\r\n", "\n", "3", "NSP", "é", "\u{feff}", " ", "",
            ]),
            0..60,
        ),
    ) {
        let _ = read_responses(pieces.concat().as_bytes(), FileKind::Csv, &sample());
    }
}

#[test]
fn a_quote_left_open_is_refused_by_the_import_at_the_line_it_opened() {
    for (name, ending) in [("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r")] {
        let text = [
            "respondent,question,answer,comment",
            "A,sample-cre-01,3,\"x",
            "B,sample-cre-02,4,ok",
            "",
        ]
        .join(ending);
        let message = refusal(import_csv(&text, &sample()));
        assert!(
            message.starts_with("line 2: ") && message.contains("never closed"),
            "{name}: {message}"
        );
    }
    // In a wide file too, and in the header.
    let message = refusal(import_csv(
        "Nom,sample-cre-01,commentaire sample-cre-01\nAnn,3,\"open\nBob,2,\n",
        &sample(),
    ));
    assert!(message.starts_with("line 2: "), "{message}");
    let message = refusal(import_csv("\"Nom,sample-cre-01\nAnn,3\n", &sample()));
    assert!(message.starts_with("line 1: "), "{message}");
}

#[test]
fn when_no_column_is_a_question_the_near_misses_are_named() {
    let message = refusal(import_csv(
        "Horodateur,Nom,CRE 1 Vos segments,Dans quelle mesure vos segments de clientèle reposent-ils sur des critères de comportement ?\n2026-11-20,Anne,3,2\n",
        &tcm_92(),
    ));
    assert!(
        message.ends_with(
            "near misses: column 3 `CRE 1 Vos segments` looks like cre-01 (its id written differently); \
             column 4 `Dans quelle mesure vos segments de clien…` looks like cre-01 (a text close to the question's)"
        ),
        "{message}"
    );
}

#[test]
fn a_near_match_beside_real_questions_is_proposed_and_not_read() {
    let imported =
        import_csv("Nom,cre-02,CRE 1 Vos segments\nAnne,3,2\n", &tcm_92()).expect("valid");
    assert_eq!(imported.sheet.len(), 1);
    assert_eq!(
        imported.report.lines(),
        ["column 3 `CRE 1 Vos segments` looks like cre-01 (its id written differently); not read"]
    );
    assert_eq!(imported.ignored_columns, ["CRE 1 Vos segments"]);
}

#[test]
fn a_text_longer_than_its_field_is_refused_at_its_line_and_column() {
    // Long format: a comment of 40,000 characters on line 3, column D.
    let comment = "é".repeat(40_000);
    let text = format!(
        "respondent,question,answer,comment\n\
         Anne,sample-cre-01,3,court\n\
         Bob,sample-cre-01,2,{comment}\n"
    );
    let message = refusal(import_csv(&text, &sample()));
    assert_eq!(
        message,
        "line 3, column D: the comment of 40000 characters; the limit is 10000 (shorten it in the file)"
    );
    // `tcm score`'s reader says the same.
    let error = read_answers_csv(text.as_bytes(), &sample()).expect_err("refused");
    assert!(
        error
            .to_string()
            .contains("line 3, column D: the comment of 40000 characters"),
        "{error}"
    );
    // Wide format in a workbook: a respondent's name and role too long, each by its cell.
    let name = "N".repeat(101);
    let role = "r".repeat(150);
    let bytes = workbook(&[(
        "answers",
        vec![
            vec![
                Cell::Text("respondent"),
                Cell::Text("role"),
                Cell::Text("sample-cre-01"),
            ],
            vec![Cell::Text("Anne"), Cell::Text(&role), Cell::Number(3.0)],
            vec![Cell::Text(&name), Cell::Empty, Cell::Number(2.0)],
        ],
    )]);
    let message = refusal(read_responses(&bytes, FileKind::Xlsx, &sample()));
    assert_eq!(
        message,
        "cell B2: the respondent's role of 150 characters; the limit is 100 (shorten it in the file)\n\
         cell A3: the respondent's name or label of 101 characters; the limit is 100 (shorten it in the file)"
    );
}

#[test]
fn a_huge_question_id_or_answer_is_quoted_short_in_the_message() {
    let id = "x".repeat(10 * 1024 * 1024);
    let text = format!("respondent,question,answer\nAnne,{id},{id}\n");
    let message = refusal(import_csv(&text, &sample()));
    assert!(message.len() < 1_000, "{} bytes", message.len());
    assert!(message.contains("unknown question id `xxxx"), "{message}");
}
