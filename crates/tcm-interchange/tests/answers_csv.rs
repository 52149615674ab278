//! The answers CSV reader on the files people really send.

use tcm_core::{Answer, QuestionId, Questionnaire, Respondent};
use tcm_interchange::{AnswersCsvError, read_answers_csv};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

fn sample() -> Questionnaire {
    Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid")
}

fn answer_of(
    sheet: &tcm_core::AnswerSheet,
    respondent: &str,
    question: &str,
) -> Option<(Answer, Option<String>)> {
    sheet
        .response(&Respondent::new(respondent), &QuestionId::new(question))
        .map(|response| (response.answer, response.comment.clone()))
}

/// Every dialect the writer has.
const DIALECTS: [tcm_interchange::CsvDialect; 3] = [
    tcm_interchange::CsvDialect::Standard,
    tcm_interchange::CsvDialect::ExcelUtf8,
    tcm_interchange::CsvDialect::ExcelFrench,
];

fn problems(bytes: &[u8]) -> Vec<String> {
    match read_answers_csv(bytes, &sample()) {
        Ok(_) => Vec::new(),
        Err(error) => error.problems().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn comma_lf_and_plain_fields() {
    let sheet = read_answers_csv(
        b"respondent,question,answer\nann,sample-cre-01,3\nann,sample-cre-02,NA\nbob,sample-cre-01,?\n",
        &sample(),
    )
    .expect("valid");
    assert_eq!(sheet.len(), 3);
    assert_eq!(
        answer_of(&sheet, "ann", "sample-cre-01").map(|a| a.0),
        "3".parse().ok()
    );
    assert_eq!(
        answer_of(&sheet, "ann", "sample-cre-02").map(|a| a.0),
        Some(Answer::NotApplicable)
    );
    assert_eq!(
        answer_of(&sheet, "bob", "sample-cre-01").map(|a| a.0),
        Some(Answer::DontKnow)
    );
}

#[test]
fn semicolon_crlf_bom_and_quoted_fields_with_commas_quotes_and_newlines() {
    let text = "\u{feff}respondent;question;answer;comment\r\n\
                \"Dupont, Anne\";sample-cre-01;4;\"Segments « comportementaux », revus; l’an dernier\"\r\n\
                Bob;sample-act-01;N/A;\"Deux lignes :\r\nla seconde, avec \"\"guillemets\"\"\"\r\n\
                Bob;sample-act-02;na;\r\n";
    let sheet = read_answers_csv(text.as_bytes(), &sample()).expect("valid");
    assert_eq!(sheet.len(), 3);
    assert_eq!(
        answer_of(&sheet, "Dupont, Anne", "sample-cre-01"),
        Some((
            "4".parse().expect("level"),
            Some("Segments « comportementaux », revus; l’an dernier".to_owned())
        ))
    );
    assert_eq!(
        answer_of(&sheet, "Bob", "sample-act-01"),
        Some((
            Answer::NotApplicable,
            Some("Deux lignes :\r\nla seconde, avec \"guillemets\"".to_owned())
        ))
    );
    assert_eq!(
        answer_of(&sheet, "Bob", "sample-act-02"),
        Some((Answer::NotApplicable, None))
    );
}

#[test]
fn windows_1252_from_french_excel() {
    // "Réponse très complète ; à revoir" in Windows-1252: é = E9, è = E8, à = E0.
    let mut bytes = b"respondent;question;answer;comment\r\nH\xe9l\xe8ne;sample-cur-01;2;R\xe9ponse tr\xe8s compl\xe8te, \xe0 revoir\r\n".to_vec();
    bytes.extend_from_slice(b"H\xe9l\xe8ne;sample-cur-02;1;\r\n");
    let sheet = read_answers_csv(&bytes, &sample()).expect("valid");
    assert_eq!(
        answer_of(&sheet, "Hélène", "sample-cur-01").and_then(|a| a.1),
        Some("Réponse très complète, à revoir".to_owned())
    );
}

#[test]
fn columns_may_come_in_any_order_and_any_case() {
    let sheet = read_answers_csv(
        b"Answer,Question,Respondent\n2,sample-pro-01,ann\n",
        &sample(),
    )
    .expect("valid");
    assert_eq!(
        answer_of(&sheet, "ann", "sample-pro-01").map(|a| a.0),
        "2".parse().ok()
    );
}

#[test]
fn blank_lines_are_skipped() {
    let sheet = read_answers_csv(
        b"respondent,question,answer\n\nann,sample-pro-01,2\n\n",
        &sample(),
    )
    .expect("valid");
    assert_eq!(sheet.len(), 1);
}

#[test]
fn every_bad_row_is_named_by_its_line() {
    let text = "respondent,question,answer,comment\n\
                ann,sample-cre-01,3,ok\n\
                ann,sample-cre-99,3,\n\
                ann,sample-cre-02,5,\n\
                ann,sample-cre-01,2,\n\
                ,sample-act-01,2,\n\
                bob,sample-act-01,2\n\
                \"multi\nline\",sample-act-02,yes,\n";
    assert_eq!(
        problems(text.as_bytes()),
        [
            "line 3: unknown question id `sample-cre-99` (not in questionnaire `sample`)",
            "line 4: invalid answer `5` (expected 0, 1, 2, 3, 4, NA or ?)",
            "line 5: respondent `ann` already answered question `sample-cre-01` at line 2",
            "line 6: the respondent is empty",
            "line 7: expected 4 fields as in the header, found 3 (is a comment with a delimiter missing its quotes?)",
            "line 8: invalid answer `yes` (expected 0, 1, 2, 3, 4, NA or ?)",
        ]
    );
}

#[test]
fn a_bad_header_is_explained() {
    assert_eq!(
        problems(b"who,question,answer\nann,sample-cre-01,3\n"),
        [
            "line 1: unknown column `who` in the header (expected respondent, question, answer and optionally comment)",
            "line 1: missing column `respondent` in the header (expected `respondent,question,answer[,comment]`)",
        ]
    );
    assert_eq!(
        read_answers_csv(b"  \n", &sample()),
        Err(AnswersCsvError::Empty)
    );
    assert_eq!(
        read_answers_csv(b"", &sample()),
        Err(AnswersCsvError::Empty)
    );
}

#[test]
fn a_header_only_file_has_no_answers() {
    let sheet = read_answers_csv(b"respondent,question,answer\n", &sample()).expect("valid");
    assert!(sheet.is_empty());
}

#[test]
fn delimiter_sniffing() {
    use tcm_interchange::text::sniff_delimiter;
    assert_eq!(sniff_delimiter("a;b;c\n1,5;2;3"), b';');
    assert_eq!(sniff_delimiter("a,b,c\n"), b',');
    assert_eq!(sniff_delimiter("\"a;b\",c,d\n"), b',');
    assert_eq!(sniff_delimiter("a\tb\tc"), b'\t');
    assert_eq!(sniff_delimiter("single"), b',');
}

/// A sheet with every kind of answer and comments that need quoting in one dialect or other.
fn awkward_sheet() -> tcm_core::AnswerSheet {
    let mut sheet = tcm_core::AnswerSheet::new();
    let rows: [(&str, &str, &str, Option<&str>); 7] = [
        (
            "Dupont, Anne",
            "sample-cre-01",
            "4",
            Some("Segments « comportementaux » ; revus, l’été"),
        ),
        ("Dupont, Anne", "sample-cre-02", "NA", None),
        (
            "Bob; le stagiaire",
            "sample-act-01",
            "?",
            Some("Il a dit \"peut-être\""),
        ),
        (
            "Bob; le stagiaire",
            "sample-act-02",
            "0",
            Some("Deux lignes :\r\nla seconde\nla troisième"),
        ),
        (
            "Hélène",
            "sample-cur-01",
            "2",
            Some("Réponse très complète, à revoir"),
        ),
        ("Hélène", "sample-pro-02", "3", Some("Tabulation\tincluse")),
        (
            "Zoé",
            "sample-pre-01",
            "1",
            Some("'apostrophe' et ’typographique’"),
        ),
    ];
    for (respondent, question, answer, comment) in rows {
        sheet
            .record(
                Respondent::new(respondent),
                QuestionId::new(question),
                tcm_core::Response {
                    answer: answer.parse().expect("answer"),
                    comment: comment.map(str::to_owned),
                },
            )
            .expect("one answer per question");
    }
    sheet
}

#[test]
fn cells_a_spreadsheet_would_run_are_written_as_text_and_read_back_exactly() {
    use tcm_interchange::write_answers_csv;
    let questionnaire = sample();
    let mut sheet = tcm_core::AnswerSheet::new();
    for (respondent, comment) in [
        ("+Anne", "=HYPERLINK(\"http://example.invalid\";\"clic\")"),
        ("@Bob", "-5 % de clients perdus"),
        ("Chloé", "'=déjà protégé"),
    ] {
        sheet.set(
            Respondent::new(respondent),
            QuestionId::new("sample-cre-01"),
            tcm_core::Response {
                answer: Answer::DontKnow,
                comment: Some(comment.to_owned()),
            },
        );
    }
    for dialect in DIALECTS {
        let bytes = write_answers_csv(&sheet, dialect).expect("written").bytes;
        let text = tcm_interchange::text::decode(&bytes).0.into_owned();
        for field in ["'+Anne", "'@Bob", "\"'=HYPERLINK(", "'-5 %", "''=déjà"] {
            assert!(text.contains(field), "{dialect:?}: {field} in {text}");
        }
        for line in text.lines().skip(1) {
            let cells: Vec<&str> = line.split([',', ';']).collect();
            for cell in cells {
                let cell = cell.trim_start_matches('"');
                assert!(
                    !cell.starts_with(['=', '+', '-', '@']),
                    "{dialect:?}: {line}"
                );
            }
        }
        assert_eq!(
            read_answers_csv(&bytes, &questionnaire),
            Ok(sheet.clone()),
            "{dialect:?}"
        );
    }
}

#[test]
fn written_answers_read_back_as_the_same_sheet_in_every_dialect() {
    use tcm_interchange::write_answers_csv;
    let sheet = awkward_sheet();
    for dialect in DIALECTS {
        let file = write_answers_csv(&sheet, dialect).expect("written");
        assert!(file.replacements.is_empty(), "{dialect:?}");
        let bytes = file.bytes;
        let read = read_answers_csv(&bytes, &sample())
            .unwrap_or_else(|error| panic!("{dialect:?}: {error}"));
        assert_eq!(read, sheet, "{dialect:?}");
    }
}

#[test]
fn each_dialect_has_its_delimiter_line_ends_and_byte_order_mark() {
    use tcm_interchange::{CsvDialect, write_answers_csv};
    let mut sheet = tcm_core::AnswerSheet::new();
    sheet.set(
        Respondent::new("Anne"),
        QuestionId::new("sample-cre-01"),
        tcm_core::Response {
            answer: Answer::DontKnow,
            comment: Some("oui, et; non".to_owned()),
        },
    );
    sheet.set(
        Respondent::new("Anne"),
        QuestionId::new("sample-act-01"),
        tcm_core::Response {
            answer: Answer::NotApplicable,
            comment: None,
        },
    );
    let written = |dialect| write_answers_csv(&sheet, dialect).expect("written").bytes;
    assert_eq!(
        String::from_utf8(written(CsvDialect::Standard)).expect("UTF-8"),
        "\u{feff}respondent,question,answer,comment\n\
         Anne,sample-act-01,NA,\n\
         Anne,sample-cre-01,?,\"oui, et; non\"\n"
    );
    assert_eq!(
        String::from_utf8(written(CsvDialect::ExcelUtf8)).expect("UTF-8"),
        "\u{feff}respondent;question;answer;comment\r\n\
         Anne;sample-act-01;NA;\r\n\
         Anne;sample-cre-01;?;\"oui, et; non\"\r\n"
    );
    // Windows-1252: no BOM, `é` as the single byte E9.
    assert_eq!(
        written(CsvDialect::ExcelFrench),
        b"respondent;question;answer;comment\r\n\
          Anne;sample-act-01;NA;\r\n\
          Anne;sample-cre-01;?;\"oui, et; non\"\r\n"
    );
}

#[test]
fn an_empty_sheet_is_a_header_alone() {
    use tcm_interchange::{CsvDialect, write_answers_csv};
    let bytes = write_answers_csv(&tcm_core::AnswerSheet::new(), CsvDialect::Standard)
        .expect("written")
        .bytes;
    assert_eq!(bytes, b"\xEF\xBB\xBFrespondent,question,answer,comment\n");
    assert!(
        read_answers_csv(&bytes, &sample())
            .expect("valid")
            .is_empty()
    );
}

proptest::proptest! {
    #[test]
    fn any_answers_and_comments_survive_writing_then_reading(
        rows in proptest::collection::vec(
            ("\\PC{1,12}", 0usize..10, 0usize..7, proptest::option::of(proptest::prelude::any::<String>())),
            0..12,
        ),
        dialect in 0usize..3,
    ) {
        use tcm_interchange::{CsvDialect, write_answers_csv};
        let questionnaire = sample();
        let answers: Vec<Answer> = [Answer::DontKnow, Answer::NotApplicable]
            .into_iter()
            .chain(tcm_core::Level::all().map(Answer::Level))
            .collect();
        let mut sheet = tcm_core::AnswerSheet::new();
        for (respondent, question, answer, comment) in rows {
            // Fields are read trimmed: only trimmed, non-empty text can come back as written.
            let respondent = respondent.trim();
            if respondent.is_empty() {
                continue;
            }
            sheet.set(
                Respondent::new(respondent),
                questionnaire.questions()[question].id.clone(),
                tcm_core::Response {
                    answer: answers[answer],
                    comment: comment
                        .map(|comment| comment.trim().to_owned())
                        .filter(|comment| !comment.is_empty()),
                },
            );
        }
        let dialect = DIALECTS[dialect];
        match write_answers_csv(&sheet, dialect) {
            // Exact whenever nothing had to be replaced.
            Ok(file) if file.replacements.is_empty() => {
                proptest::prop_assert_eq!(read_answers_csv(&file.bytes, &questionnaire), Ok(sheet));
            }
            // Replaced characters come back as their stand-in, nothing else changes.
            Ok(file) => {
                let read = read_answers_csv(&file.bytes, &questionnaire);
                proptest::prop_assert_eq!(dialect, CsvDialect::ExcelFrench);
                proptest::prop_assert_eq!(read.map(|read| read.len()), Ok(sheet.len()));
            }
            // Refused only in Windows-1252, naming characters that are really there.
            Err(error) => {
                proptest::prop_assert_eq!(dialect, CsvDialect::ExcelFrench);
                for unencodable in &error.unencodable {
                    let there = sheet.responses().any(|(respondent, _, response)| {
                        respondent.as_str().contains(unencodable.character)
                            || response.comment.as_deref().is_some_and(|comment| comment.contains(unencodable.character))
                    });
                    proptest::prop_assert!(there, "{}", error);
                }
            }
        }
    }
}

/// The file of issue 9 with every line ending: B's row was swallowed into A's comment and
/// `tcm score` read one answer. A quote still open at the end names the line it opened on.
fn unclosed_quote(ending: &str) -> Vec<u8> {
    [
        "respondent,question,answer,comment",
        "A,sample-cre-01,3,\"x",
        "B,sample-cre-02,4,ok",
        "",
    ]
    .join(ending)
    .into_bytes()
}

#[test]
fn a_quote_left_open_is_refused_at_the_line_it_opened_whatever_the_line_endings() {
    for (name, ending) in [("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r")] {
        let found = problems(&unclosed_quote(ending));
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert!(
            found[0].starts_with("line 2: ") && found[0].contains("never closed"),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn a_quote_left_open_on_a_later_line_is_located_there() {
    let text = "respondent,question,answer,comment\r\nA,sample-cre-01,3,\"closed\r\nover two lines\"\r\nB,sample-cre-02,4,\"open\r\nC,sample-cre-02,1,\r\n";
    let found = problems(text.as_bytes());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("line 4: "), "{found:?}");
}

#[test]
fn quotes_inside_an_unquoted_field_and_doubled_quotes_are_not_an_open_quote() {
    let sheet = read_answers_csv(
        b"respondent,question,answer,comment\nA,sample-cre-01,3,un 5\" disque\nB,sample-cre-02,4,\"dit \"\"oui\"\"\"\n",
        &sample(),
    )
    .expect("valid");
    assert_eq!(sheet.len(), 2);
    assert_eq!(
        answer_of(&sheet, "B", "sample-cre-02").and_then(|a| a.1),
        Some("dit \"oui\"".to_owned())
    );
}

/// The `--excel` file: `;`, CRLF and Windows-1252 as French Excel writes it, read back
/// exactly: accents, « » with their no-break spaces, ’, œ, €, a line break inside a comment.
#[test]
fn the_windows_1252_export_reads_back_exactly_for_french_text() {
    use tcm_interchange::{CsvDialect, write_answers_csv};
    let mut sheet = tcm_core::AnswerSheet::new();
    for (respondent, question, comment) in [
        (
            "Élodie Brûlé",
            "sample-cre-01",
            "«\u{a0}Déjà vu\u{a0}» — l’œuvre coûte 5\u{a0}€…",
        ),
        (
            "Élodie Brûlé",
            "sample-cre-02",
            "Ça\r\nsur deux lignes ; “guillemets” à l’anglaise",
        ),
        ("Noël", "sample-act-01", "=à revoir : -5 % de réclamations"),
    ] {
        sheet.set(
            Respondent::new(respondent),
            QuestionId::new(question),
            tcm_core::Response {
                answer: Answer::DontKnow,
                comment: Some(comment.to_owned()),
            },
        );
    }
    let file = write_answers_csv(&sheet, CsvDialect::ExcelFrench).expect("written");
    assert!(file.replacements.is_empty());
    assert!(
        std::str::from_utf8(&file.bytes).is_err(),
        "Windows-1252, not UTF-8"
    );
    assert!(
        file.bytes
            .starts_with(b"respondent;question;answer;comment\r\n")
    );
    assert!(
        file.bytes.windows(2).any(|pair| pair == b"\xC9l"),
        "`É` is the byte C9"
    );
    assert_eq!(read_answers_csv(&file.bytes, &sample()), Ok(sheet));
}

#[test]
fn characters_windows_1252_lacks_are_replaced_with_their_line_or_refused_with_it() {
    use tcm_interchange::{CsvDialect, write_answers_csv};
    let mut sheet = tcm_core::AnswerSheet::new();
    let set =
        |sheet: &mut tcm_core::AnswerSheet, respondent: &str, question: &str, comment: &str| {
            sheet.set(
                Respondent::new(respondent),
                QuestionId::new(question),
                tcm_core::Response {
                    answer: Answer::NotApplicable,
                    comment: Some(comment.to_owned()),
                },
            );
        };
    set(
        &mut sheet,
        "Anne",
        "sample-cre-01",
        "Pourquoi\u{202f}? Voilà\u{202f}!",
    );
    set(&mut sheet, "Anne", "sample-cre-02", "rien");
    set(&mut sheet, "Bob", "sample-act-01", "Vraiment\u{202f}?");
    let file = write_answers_csv(&sheet, CsvDialect::ExcelFrench).expect("written");
    let notes: Vec<String> = file.replacements.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        ["U+202F written as U+00A0 (Windows-1252 has no U+202F) on lines 2, 4"]
    );
    let read = read_answers_csv(&file.bytes, &sample()).expect("read");
    assert_eq!(
        answer_of(&read, "Bob", "sample-act-01").and_then(|answer| answer.1),
        Some("Vraiment\u{a0}?".to_owned())
    );

    set(&mut sheet, "Chloé", "sample-cre-01", "Top 👍");
    set(&mut sheet, "Chloé", "sample-cre-02", "fait ✓ et 👍");
    let error = write_answers_csv(&sheet, CsvDialect::ExcelFrench).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "Windows-1252 (French Excel's encoding) cannot write `👍` (U+1F44D) on lines 5, 6, \
         `✓` (U+2713) on line 6; the UTF-8 CSV export keeps every character"
    );
    // The UTF-8 dialects keep every character.
    for dialect in [CsvDialect::Standard, CsvDialect::ExcelUtf8] {
        let file = write_answers_csv(&sheet, dialect).expect("written");
        assert_eq!(read_answers_csv(&file.bytes, &sample()), Ok(sheet.clone()));
    }
}

/// A file French Excel saved (Windows-1252, CRLF, `;`) with bad rows: each refused at its
/// own line, even after a comment spanning two lines.
#[test]
fn a_windows_1252_crlf_file_is_refused_at_the_right_lines() {
    let text = "respondent;question;answer;comment\r\n\
                Élodie;sample-cre-01;3;\"«\u{a0}deux\r\nlignes\u{a0}»\"\r\n\
                Élodie;sample-cre-02;peut-être;\r\n\
                Noël;sample-zzz-99;2;l’équipe\r\n\
                Noël;sample-act-01;4;ok\r\n";
    let (bytes, replaced) = tcm_interchange::text::encode_windows_1252(text).expect("encodable");
    assert!(replaced.is_empty());
    let found = problems(&bytes);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("line 4: "), "{found:?}");
    assert!(found[0].contains("peut-être"), "{found:?}");
    assert!(found[1].starts_with("line 5: "), "{found:?}");
}
