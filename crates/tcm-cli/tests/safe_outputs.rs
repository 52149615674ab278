//! Issue 9: nothing a user asks `tcm` to write can destroy their data. An output that is the
//! database (by any name), its companion files or its backups is refused; a folder or a
//! device is refused; a file that is replaced is replaced whole or not at all.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

mod common;

use common::tcm;

/// A database with one assessment of the sample questionnaire and one answer.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let (dir, db, _) =
        common::database_with_assessment(&["--sector", "retail"], &["--title", "Audit"]);
    common::answer(&db, 1, "Claire", "sample-cre-01", "3")
        .assert()
        .success();
    (dir, db)
}

fn database_still_works(db: &Path) {
    tcm(db)
        .args(["score", "--assessment", "1", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"respondents\": 1"));
}

#[test]
fn an_export_or_report_over_the_database_is_refused() {
    let (dir, db) = setup();
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    let dotted = dir.path().join("sub/../tcm.sqlite");
    std::fs::create_dir_all(dir.path().join("sub")).expect("dir");
    #[cfg(unix)]
    let link = {
        let link = dir.path().join("innocent.csv");
        std::os::unix::fs::symlink(&db, &link).expect("link");
        link
    };
    let hard = dir.path().join("hard.csv");
    std::fs::hard_link(&db, &hard).expect("hard link");
    let mut targets = vec![db.clone(), wal, dotted, hard];
    #[cfg(unix)]
    targets.push(link);
    for target in &targets {
        for args in [
            vec!["export", "--assessment", "1", "--format", "csv", "--out"],
            vec!["export", "--assessment", "1", "--format", "tcm", "--out"],
            vec!["report", "--assessment", "1", "--out"],
        ] {
            tcm(&db)
                .args(&args)
                .arg(target)
                .assert()
                .code(1)
                .stderr(predicate::str::contains("cannot be written"))
                .stdout(predicate::str::contains("written").not());
            database_still_works(&db);
        }
    }
}

#[test]
fn an_output_in_the_backups_folder_is_refused() {
    let (dir, db) = setup();
    tcm(&db).args(["backup"]).assert().success();
    let backups = dir.path().join("backups");
    assert!(backups.is_dir());
    tcm(&db)
        .args(["export", "--assessment", "1", "--format", "csv", "--out"])
        .arg(backups.join("answers.csv"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("backups folder"));
    tcm(&db)
        .args(["backup", "--out"])
        .arg(format!("{}-shm", db.display()))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot be written"));
}

#[test]
fn a_folder_or_a_device_as_output_is_refused_by_name() {
    let (dir, db) = setup();
    tcm(&db)
        .args(["export", "--assessment", "1", "--format", "csv", "--out"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a folder"));
    #[cfg(target_os = "linux")]
    tcm(&db)
        .args([
            "export",
            "--assessment",
            "1",
            "--format",
            "csv",
            "--out",
            "/dev/full",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a regular file"));
    tcm(&db)
        .args(["export", "--assessment", "1", "--format", "csv", "--out"])
        .arg(dir.path().join("missing-folder/answers.csv"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("folder does not exist"));
    database_still_works(&db);
}

#[test]
fn an_export_replaces_a_file_whole_and_leaves_no_temporary_file() {
    let (dir, db) = setup();
    let out = dir.path().join("answers.csv");
    std::fs::write(&out, "old content").expect("write");
    tcm(&db)
        .args(["export", "--assessment", "1", "--format", "csv", "--out"])
        .arg(&out)
        .assert()
        .success();
    let written = std::fs::read_to_string(&out).expect("read");
    assert!(written.contains("sample-cre-01"), "{written}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn a_failed_write_leaves_the_old_file_untouched() {
    use std::os::unix::fs::PermissionsExt;
    if nix_is_root() {
        // Root ignores folder permissions: the refusal cannot be provoked this way.
        return;
    }
    let (dir, db) = setup();
    let folder = dir.path().join("locked");
    std::fs::create_dir(&folder).expect("dir");
    let out = folder.join("answers.csv");
    std::fs::write(&out, "precious").expect("write");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    tcm(&db)
        .args(["export", "--assessment", "1", "--format", "csv", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "precious");
}

#[cfg(unix)]
fn nix_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim() == "0")
        .unwrap_or(false)
}

#[test]
fn a_tcm_import_over_local_work_is_refused_unless_the_user_chooses() {
    let (dir, db) = setup();
    let file = dir.path().join("audit.tcm");
    tcm(&db)
        .args(["export", "--assessment", "1", "--format", "tcm", "--out"])
        .arg(&file)
        .assert()
        .success();
    // Someone else's database imports the file and answers more.
    let other = dir.path().join("other.sqlite");
    tcm(&other).arg("import").arg(&file).assert().success();
    common::answer(&other, 1, "Marc", "sample-cre-02", "2")
        .assert()
        .success();
    let theirs = dir.path().join("theirs.tcm");
    tcm(&other)
        .args(["export", "--assessment", "1", "--format", "tcm", "--out"])
        .arg(&theirs)
        .assert()
        .success();
    // Meanwhile, here, Claire answers another question.
    common::answer(&db, 1, "Claire", "sample-act-01", "4")
        .assert()
        .success();
    tcm(&db)
        .arg("import")
        .arg(&theirs)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--merge"))
        .stderr(predicate::str::contains("Claire"));
    tcm(&db)
        .args(["import", "--merge"])
        .arg(&theirs)
        .assert()
        .success()
        .stdout(predicate::str::contains("merged"));
    tcm(&db)
        .args(["score", "--assessment", "1", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"respondents\": 2"));
}
