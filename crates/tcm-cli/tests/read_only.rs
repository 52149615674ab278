//! A database in a read-only place: a file without write permission (0444), a folder without
//! it (0555), a file locked with `chattr +i`. Listing, exports, reports and backups to another
//! folder work; every write is refused saying what is read-only and what to do; once the user
//! gives the rights back, writing works again, even over companion files a read-only run left.
//!
//! Permissions do not bind root: run as root, these tests run `tcm` as the unprivileged user
//! `nobody` through `setpriv` (util-linux), or say why they are skipped.
#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{demo_database, tcm};

/// The user `nobody`, whom permissions bind.
const NOBODY: u32 = 65534;

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim() == "0")
        .unwrap_or(false)
}

/// How `tcm` runs as a user whom permissions bind.
enum Runner {
    /// Not root: `tcm` as it is.
    Itself,
    /// Root: `tcm` through `setpriv` as `nobody`, who owns the test's files.
    Nobody,
}

impl Runner {
    /// The runner, or `None` (and why, on stderr) when permissions cannot be exercised here.
    fn find(test: &str) -> Option<Runner> {
        if !is_root() {
            return Some(Runner::Itself);
        }
        let setpriv = Command::new("setpriv")
            .args([
                "--reuid",
                "65534",
                "--regid",
                "65534",
                "--clear-groups",
                "true",
            ])
            .status()
            .is_ok_and(|status| status.success());
        if setpriv {
            Some(Runner::Nobody)
        } else {
            eprintln!(
                "{test}: skipped — run as root without `setpriv`, so file permissions cannot \
                 be exercised"
            );
            None
        }
    }

    /// Gives `folder` and everything in it to the user `tcm` runs as.
    fn own(&self, folder: &Path) {
        if let Runner::Nobody = self {
            let mut pending = vec![folder.to_owned()];
            while let Some(path) = pending.pop() {
                std::os::unix::fs::chown(&path, Some(NOBODY), Some(NOBODY)).expect("chown");
                if path.is_dir() {
                    for entry in std::fs::read_dir(&path).expect("list") {
                        pending.push(entry.expect("entry").path());
                    }
                }
            }
        }
    }

    fn tcm(&self, db: &Path, args: &[&str]) -> Output {
        let binary = assert_cmd::cargo::cargo_bin("tcm");
        let mut command = match self {
            Runner::Itself => Command::new(binary),
            Runner::Nobody => {
                let mut command = Command::new("setpriv");
                command
                    .args(["--reuid", "65534", "--regid", "65534", "--clear-groups"])
                    .arg(binary);
                command
            }
        };
        command
            .env_remove("TCM_DB")
            .arg("--db")
            .arg(db)
            .args(args)
            .output()
            .expect("tcm runs")
    }

    /// Runs `tcm`, which must succeed; returns what it printed.
    fn ok(&self, db: &Path, args: &[&str]) -> String {
        let output = self.tcm(db, args);
        assert!(
            output.status.success(),
            "tcm {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Runs `tcm`, which must fail; returns its message.
    fn refused(&self, db: &Path, args: &[&str]) -> String {
        let output = self.tcm(db, args);
        assert_eq!(output.status.code(), Some(1), "tcm {args:?} should fail");
        String::from_utf8_lossy(&output.stderr).into_owned()
    }
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

fn text(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The demo in `<temp>/data/tcm.sqlite`, with `<temp>/out` for outputs, both the runner's.
fn setup(runner: &Runner) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, demo) = demo_database();
    let data = dir.path().join("data");
    let out = dir.path().join("out");
    std::fs::create_dir(&data).expect("data");
    std::fs::create_dir(&out).expect("out");
    let db = data.join("tcm.sqlite");
    std::fs::rename(&demo, &db).expect("move");
    chmod(dir.path(), 0o755);
    runner.own(dir.path());
    (dir, db, out)
}

/// Reading, exporting, a report and a backup to another folder all work.
fn reads_work(runner: &Runner, db: &Path, out: &Path) {
    let listed = runner.ok(db, &["assessment", "list"]);
    assert!(listed.contains("Menuiseries Delorme"), "{listed}");
    let csv = out.join("answers.csv");
    runner.ok(
        db,
        &[
            "export",
            "--assessment",
            "2",
            "--format",
            "csv",
            "--out",
            text(&csv),
        ],
    );
    assert!(std::fs::metadata(&csv).expect("csv").len() > 0);
    let xlsx = out.join("audit.xlsx");
    runner.ok(
        db,
        &[
            "export",
            "--assessment",
            "2",
            "--format",
            "xlsx",
            "--out",
            text(&xlsx),
        ],
    );
    let pdf = out.join("report.pdf");
    runner.ok(db, &["report", "--assessment", "2", "--out", text(&pdf)]);
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
    let backup = out.join("copy.sqlite");
    runner.ok(db, &["backup", "--out", text(&backup)]);
    // The copy is a sound, writable database holding the same audits.
    let listed = runner.ok(&backup, &["assessment", "list"]);
    assert!(listed.contains("Menuiseries Delorme"), "{listed}");
    runner.ok(&backup, &["org", "add", "--name", "Dans la copie"]);
}

fn companions(db: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm"]
        .iter()
        .map(|suffix| PathBuf::from(format!("{}{suffix}", db.display())))
        .filter(|path| path.exists())
        .collect()
}

#[test]
fn a_read_only_database_file_is_read_and_refuses_writes_saying_why() {
    let Some(runner) = Runner::find("read-only file") else {
        return;
    };
    let (_dir, db, out) = setup(&runner);
    chmod(&db, 0o444);
    reads_work(&runner, &db, &out);
    let message = runner.refused(&db, &["org", "add", "--name", "Nouvelle SA"]);
    assert!(
        message.contains("is read-only")
            && message.contains("permissions")
            && message.contains("nothing was changed")
            && message.contains("a copy in a folder you can write to")
            && !message.contains("1544")
            && !message.contains("Error code"),
        "{message}"
    );
    assert_eq!(
        companions(&db),
        Vec::<PathBuf>::new(),
        "no read-only -wal or -shm is left behind"
    );
    // The user gives write permission back: writing works at once.
    chmod(&db, 0o644);
    runner.ok(&db, &["org", "add", "--name", "Nouvelle SA"]);
    assert!(runner.ok(&db, &["org", "list"]).contains("Nouvelle SA"));
}

#[test]
fn a_database_in_a_read_only_folder_is_read_and_refuses_writes_saying_why() {
    let Some(runner) = Runner::find("read-only folder") else {
        return;
    };
    let (_dir, db, out) = setup(&runner);
    let folder = db.parent().expect("folder").to_owned();
    chmod(&folder, 0o555);
    reads_work(&runner, &db, &out);
    let message = runner.refused(&db, &["org", "add", "--name", "Nouvelle SA"]);
    assert!(
        message.contains(&format!(
            "the folder {} cannot be written",
            folder.display()
        )) && message.contains("nothing was changed"),
        "{message}"
    );
    // A backup into the backups folder beside the database cannot be made there either.
    let message = runner.refused(&db, &["backup"]);
    assert!(message.contains("cannot be written"), "{message}");
    chmod(&folder, 0o755);
    runner.ok(&db, &["org", "add", "--name", "Nouvelle SA"]);
}

#[test]
fn read_only_companion_files_left_by_an_earlier_run_do_not_block_writes_once_fixed() {
    let Some(runner) = Runner::find("stale companions") else {
        return;
    };
    let (dir, db, _out) = setup(&runner);
    // Work committed but still in the -wal (the writer's connection did not checkpoint): a
    // copy taken while another connection holds the database open, as after a crash.
    let holder = tcm_store::Store::open(&db, chrono::Utc::now()).expect("open");
    tcm(&db)
        .args(["org", "add", "--name", "Dans le journal"])
        .assert()
        .success();
    let crashed = dir.path().join("crashed");
    std::fs::create_dir(&crashed).expect("dir");
    let copy = crashed.join("tcm.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        std::fs::copy(
            format!("{}{suffix}", db.display()),
            format!("{}{suffix}", copy.display()),
        )
        .expect("copy");
    }
    drop(holder);
    assert!(
        std::fs::metadata(format!("{}-wal", copy.display()))
            .expect("wal")
            .len()
            > 0,
        "the copy holds committed pages in its -wal"
    );
    runner.own(&crashed);
    // Read-only, the committed pages of the -wal are read.
    chmod(&copy, 0o444);
    assert!(
        runner
            .ok(&copy, &["org", "list"])
            .contains("Dans le journal")
    );
    // An earlier version left its companions read-only beside it; the user then fixed the
    // database file's permissions only.
    for companion in companions(&copy) {
        chmod(&companion, 0o444);
    }
    chmod(&copy, 0o644);
    runner.ok(&copy, &["org", "add", "--name", "Après la réparation"]);
    let listed = runner.ok(&copy, &["org", "list"]);
    assert!(
        listed.contains("Dans le journal") && listed.contains("Après la réparation"),
        "{listed}"
    );
}

/// `chattr +i`: even root cannot write the file. Needs a file system with attributes and the
/// right to set them; skipped (saying so) otherwise.
#[test]
fn an_immutable_database_file_is_read_and_refuses_writes_saying_why() {
    let (dir, db) = demo_database();
    let locked = Command::new("chattr")
        .arg("+i")
        .arg(&db)
        .status()
        .is_ok_and(|status| status.success());
    if !locked {
        eprintln!("immutable file: skipped — `chattr +i` cannot be set here");
        return;
    }
    let runner = Runner::Itself;
    let outcome = std::panic::catch_unwind(|| {
        reads_work(&runner, &db, dir.path());
    });
    let message = runner.tcm(&db, &["org", "add", "--name", "Nouvelle SA"]);
    Command::new("chattr")
        .arg("-i")
        .arg(&db)
        .status()
        .expect("chattr -i");
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
    assert_eq!(message.status.code(), Some(1));
    let message = String::from_utf8_lossy(&message.stderr);
    assert!(
        message.contains("is locked against any change") && message.contains("nothing was changed"),
        "{message}"
    );
    tcm(&db)
        .args(["org", "add", "--name", "Nouvelle SA"])
        .assert()
        .success();
}
