//! `tcm answer`: saves answers to a stored assessment, one from the arguments or many from
//! standard input. Each is acknowledged only after its transaction committed.

use std::io::{BufRead, Read, Write};

use anyhow::anyhow;
use chrono::Utc;
use tcm_core::{Answer, RespondentProfile};
use tcm_store::{AssessmentId, RespondentId, Store};

use crate::cli::AnswerArgs;
use crate::database::{self, store_failure};
use crate::failure::Failure;

/// The longest line `--stdin` reads, in bytes: a comment at its limit (10,000 characters of up
/// to 4 bytes) with the other fields and their quotes fits well within it. A longer line, or
/// endless input without a line break (`/dev/zero`), is refused after this many bytes instead
/// of being held in memory to its end.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// The next line of `input` without its line break, `None` at the end; a line longer than
/// [`MAX_LINE_BYTES`] or not UTF-8 is an error naming its number.
fn next_line(
    input: &mut impl BufRead,
    number: usize,
    buffer: &mut Vec<u8>,
) -> Result<Option<String>, Failure> {
    buffer.clear();
    let read = input
        .by_ref()
        .take(MAX_LINE_BYTES as u64 + 1)
        .read_until(b'\n', buffer)
        .map_err(|error| Failure::Error(anyhow!("reading standard input: {error}")))?;
    if read == 0 {
        return Ok(None);
    }
    if buffer.last() == Some(&b'\n') {
        buffer.pop();
        if buffer.last() == Some(&b'\r') {
            buffer.pop();
        }
    } else if buffer.len() > MAX_LINE_BYTES {
        return Err(Failure::Error(anyhow!(
            "line {number} of standard input is longer than {} KiB without a line break: \
             each line is one answer (respondent,question,answer[,comment]); nothing after \
             the previous line was saved",
            MAX_LINE_BYTES / 1024
        )));
    }
    String::from_utf8(std::mem::take(buffer))
        .map(Some)
        .map_err(|_| {
            Failure::Error(anyhow!(
                "line {number} of standard input is not UTF-8 text; nothing after the previous \
             line was saved"
            ))
        })
}

/// The respondent with this label, added to the assessment when new.
fn respondent(
    store: &mut Store,
    assessment: AssessmentId,
    label: &str,
) -> Result<RespondentId, Failure> {
    if let Some(found) = store
        .find_respondent(assessment, label)
        .map_err(store_failure)?
    {
        return Ok(found.id);
    }
    let profile = RespondentProfile {
        label: label.to_owned(),
        role: String::new(),
        group: String::new(),
    };
    store
        .add_respondent(assessment, &profile, Utc::now())
        .map_err(store_failure)
}

fn save(
    store: &mut Store,
    assessment: AssessmentId,
    label: &str,
    question: &str,
    value: &str,
    comment: Option<&str>,
) -> Result<(), Failure> {
    // Check everything before adding a respondent, so that a refused answer leaves nothing.
    let answer: Answer = value
        .parse()
        .map_err(|error| Failure::Error(anyhow!("{error}")))?;
    let questionnaire = store.questionnaire(assessment).map_err(store_failure)?;
    if questionnaire.question(question).is_none() {
        return Err(Failure::Error(anyhow!(
            "question `{question}` is not in questionnaire `{}` {}",
            questionnaire.id(),
            questionnaire.version()
        )));
    }
    if label.trim().is_empty() {
        return Err(Failure::Error(anyhow!("the respondent is empty")));
    }
    let respondent = respondent(store, assessment, label)?;
    store
        .save_answer(
            respondent,
            question,
            answer,
            comment.filter(|text| !text.trim().is_empty()),
            Utc::now(),
        )
        .map_err(store_failure)?;
    Ok(())
}

pub fn run(args: &AnswerArgs, db: Option<std::path::PathBuf>) -> Result<(), Failure> {
    let mut store = database::open(db)?;
    let assessment = AssessmentId(args.assessment);
    store.assessment(assessment).map_err(store_failure)?;
    if !args.stdin {
        let (Some(label), Some(question), Some(value)) =
            (&args.respondent, &args.question, &args.value)
        else {
            return Err(Failure::Error(anyhow!(
                "give --respondent, --question and --value, or --stdin"
            )));
        };
        save(
            &mut store,
            assessment,
            label,
            question,
            value,
            args.comment.as_deref(),
        )?;
        crate::output::emit::line(&format!("saved {label} {question} {value}"))?;
        return Ok(());
    }
    // One CSV record per line; each is acknowledged on stdout after it is committed.
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut stdout = std::io::stdout().lock();
    let mut buffer = Vec::new();
    for number in 0.. {
        let Some(line) = next_line(&mut input, number + 1, &mut buffer)? else {
            break;
        };
        if line.trim().is_empty() {
            continue;
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(line.as_bytes());
        let record = reader
            .records()
            .next()
            .transpose()
            .map_err(|error| Failure::Error(anyhow!("line {}: {error}", number + 1)))?
            .unwrap_or_default();
        let field = |index: usize| record.get(index).map(str::trim).unwrap_or_default();
        if record.len() < 3 {
            return Err(Failure::Error(anyhow!(
                "line {}: expected respondent,question,answer[,comment], found `{}`",
                number + 1,
                tcm_core::limits::quoted_excerpt(&line, 200)
            )));
        }
        save(
            &mut store,
            assessment,
            field(0),
            field(1),
            field(2),
            record.get(3),
        )
        .map_err(|failure| match failure {
            Failure::Error(error) => Failure::Error(anyhow!("line {}: {error:#}", number + 1)),
            other => other,
        })?;
        writeln!(stdout, "saved {} {} {}", field(0), field(1), field(2))
            .and_then(|()| stdout.flush())
            .map_err(|error| Failure::Error(anyhow!("writing the acknowledgement: {error}")))?;
    }
    Ok(())
}
