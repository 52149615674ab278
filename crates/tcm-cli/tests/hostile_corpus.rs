//! `tcm` over every crafted file of `tests/fixtures/hostile/` with the command each targets:
//! exit code 1 and a message on stderr, never a panic (101) or an abort (134), in bounded
//! time; and `/dev/zero` as any input refused after the size bound, not read for ever.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

/// Far above what any file needs in a debug build; a file that hangs is killed and fails.
const BOUND: Duration = Duration::from_secs(60);

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sample() -> PathBuf {
    root().join("questionnaires/sample.toml")
}

fn tcm(db: &Path) -> Command {
    let mut command = Command::cargo_bin("tcm").expect("built");
    command
        .arg("--db")
        .arg(db)
        .env_remove("TCM_DB")
        .timeout(BOUND);
    command
}

/// A database with organisation 1 and assessment 1 on the sample questionnaire.
fn database() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("tcm.sqlite");
    tcm(&db)
        .args([
            "org", "add", "--name", "Durand", "--sector", "retail", "--size", "small",
        ])
        .assert()
        .success();
    tcm(&db)
        .args(["assessment", "new", "--org", "Durand", "--title", "Audit"])
        .args(["--mode", "workshop", "--questionnaire"])
        .arg(sample())
        .assert()
        .success();
    (dir, db)
}

/// Runs `command`, and says what is wrong unless it exited 1 with a message on stderr.
fn refused_cleanly(what: &str, command: &mut Command) -> Option<String> {
    let output = match command.output() {
        Ok(output) => output,
        Err(error) => return Some(format!("{what}: {error}")),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    match output.status.code() {
        Some(1) if !stderr.trim().is_empty() && !stderr.contains("panicked") => None,
        code => Some(format!(
            "{what}: exit {code:?} (expected 1 with a message), stderr: {}",
            stderr.chars().take(300).collect::<String>()
        )),
    }
}

#[test]
fn every_crafted_file_is_refused_with_exit_code_1_and_a_message() {
    let (_dir, db) = database();
    let folder = root().join("tests/fixtures/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("the corpus")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension != "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 25, "the corpus is there");
    let mut failures = Vec::new();
    for file in &files {
        let name = file
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("?");
        let mut commands: Vec<(String, Command)> = Vec::new();
        match file.extension().and_then(|extension| extension.to_str()) {
            Some("toml") => {
                let mut validate = tcm(&db);
                validate.arg("validate").arg(file);
                commands.push((format!("tcm validate {name}"), validate));
            }
            Some("csv") => {
                let mut score = tcm(&db);
                score
                    .args(["score", "--questionnaire"])
                    .arg(sample())
                    .arg("--answers")
                    .arg(file);
                commands.push((format!("tcm score --answers {name}"), score));
                let mut import = tcm(&db);
                import.args(["import", "--assessment", "1"]).arg(file);
                commands.push((format!("tcm import --assessment 1 {name}"), import));
            }
            Some("xlsx") => {
                let mut import = tcm(&db);
                import.args(["import", "--assessment", "1"]).arg(file);
                commands.push((format!("tcm import --assessment 1 {name}"), import));
            }
            Some("tcm") => {
                let mut import = tcm(&db);
                import.arg("import").arg(file);
                commands.push((format!("tcm import {name}"), import));
            }
            _ => panic!("{name}: a corpus file of unknown kind"),
        }
        for (what, mut command) in commands {
            failures.extend(refused_cleanly(&what, &mut command));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Nothing was imported: the assessment has no answers and is the only one.
    let listed = tcm(&db)
        .args(["assessment", "list"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listed = String::from_utf8_lossy(&listed);
    let rows: Vec<&str> = listed
        .lines()
        .filter(|line| line.contains("Durand"))
        .collect();
    assert!(rows.len() == 1 && rows[0].contains(" 0/10 "), "{listed}");
}

#[test]
#[cfg(unix)]
fn an_endless_input_is_refused_after_the_size_bound() {
    let (_dir, db) = database();
    let zero = Path::new("/dev/zero");
    let mut validate = tcm(&db);
    validate.arg("validate").arg(zero);
    let mut import = tcm(&db);
    import.args(["import", "--assessment", "1"]).arg(zero);
    let mut portable = tcm(&db);
    portable.arg("import").arg(zero);
    let mut score = tcm(&db);
    score
        .args(["score", "--questionnaire"])
        .arg(sample())
        .arg("--answers")
        .arg(zero);
    for (what, mut command) in [
        ("validate", validate),
        ("import --assessment", import),
        ("import", portable),
        ("score --answers", score),
    ] {
        let output = command.output().expect("tcm runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{what}: {stderr}");
        assert!(
            stderr.contains("/dev/zero is larger than 64 MiB"),
            "{what}: {stderr}"
        );
    }
}

#[test]
#[cfg(unix)]
fn answers_on_standard_input_are_read_a_bounded_line_at_a_time() {
    use std::io::Write;
    use std::process::Stdio;

    let (_dir, db) = database();
    let binary = assert_cmd::cargo::cargo_bin("tcm");
    let run = |stdin: Stdio| {
        std::process::Command::new(&binary)
            .arg("--db")
            .arg(&db)
            .args(["answer", "--assessment", "1", "--stdin"])
            .env_remove("TCM_DB")
            .stdin(stdin)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("tcm runs")
    };
    // Endless input without a line break: refused at line 1 after 64 KiB, not read for ever.
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    let output = run(Stdio::from(zero)).wait_with_output().expect("tcm ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("line 1 of standard input is longer than 64 KiB"),
        "{stderr}"
    );
    // A good line, then a line of 50 MB: the first is saved and acknowledged, the second
    // refused by its number.
    let mut child = run(Stdio::piped());
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let mut input = b"Claire,sample-cre-01,3,\nMarc,sample-cre-01,2,".to_vec();
        input.extend(std::iter::repeat_n(b'x', 50 * 1024 * 1024));
        input.push(b'\n');
        // tcm stops reading at the bound: the rest meets a closed pipe.
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("tcm ends");
    writer.join().expect("the writer ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("line 2 of standard input is longer than 64 KiB"),
        "{stderr}"
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "saved Claire sample-cre-01 3\n"
    );
}
