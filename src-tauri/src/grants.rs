//! The paths the native dialogs handed out this session. Commands that write or read a file
//! take a path, and the web view could send any path it likes; the shell therefore accepts
//! only a path that one of its own dialogs returned (save dialogs for writes, open dialogs for
//! reads), so a compromised page cannot make the app write over or read an arbitrary file.
//!
//! A grant is not consumed on use: the UI may retry an import after asking the user how to
//! resolve a conflict. The list is bounded (the oldest grant is forgotten first).

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tcm_api::{ApiError, ErrorKind};

/// How many paths of each kind are remembered.
pub const REMEMBERED: usize = 32;

/// What a dialog granted a path for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    /// A save dialog: the app may write this file.
    Write,
    /// An open dialog: the app may read this file.
    Read,
}

/// The paths granted by dialogs, in the order they were granted.
#[derive(Debug, Default)]
pub struct DialogGrants {
    granted: Mutex<VecDeque<(Grant, PathBuf)>>,
}

impl DialogGrants {
    /// Records that a dialog returned `path` for `grant`.
    pub fn grant(&self, grant: Grant, path: &Path) {
        let mut granted = self.lock();
        granted.retain(|(kind, known)| !(*kind == grant && known == path));
        if granted.iter().filter(|(kind, _)| *kind == grant).count() >= REMEMBERED
            && let Some(oldest) = granted.iter().position(|(kind, _)| *kind == grant)
        {
            granted.remove(oldest);
        }
        granted.push_back((grant, path.to_path_buf()));
    }

    /// Accepts `path` only when a dialog granted it for `grant`.
    pub fn check(&self, grant: Grant, path: &str) -> Result<(), ApiError> {
        let path = Path::new(path);
        if self
            .lock()
            .iter()
            .any(|(kind, known)| *kind == grant && known == path)
        {
            Ok(())
        } else {
            Err(ApiError::new(
                ErrorKind::ForbiddenPath,
                format!(
                    "`{}` was not chosen in a file dialog: choose the file again",
                    path.display()
                ),
            ))
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<(Grant, PathBuf)>> {
        // A panic while holding this lock cannot leave the list inconsistent (each change is
        // one call on the deque), so a poisoned lock is still usable.
        self.granted
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_granted_path_is_accepted_and_only_for_its_kind() {
        let grants = DialogGrants::default();
        assert_eq!(
            grants
                .check(Grant::Write, "/home/me/report.pdf")
                .expect_err("nothing granted")
                .kind,
            ErrorKind::ForbiddenPath
        );
        grants.grant(Grant::Write, Path::new("/home/me/report.pdf"));
        grants
            .check(Grant::Write, "/home/me/report.pdf")
            .expect("granted for writing");
        grants
            .check(Grant::Write, "/home/me/report.pdf")
            .expect("a grant is not consumed");
        grants
            .check(Grant::Read, "/home/me/report.pdf")
            .expect_err("a save dialog grants no read");
        grants
            .check(Grant::Write, "/home/me/../me/report.pdf")
            .expect_err("another spelling is another path");
        grants
            .check(Grant::Write, "/home/me/report.pdf.sqlite")
            .expect_err("no prefix match");
    }

    #[test]
    fn the_list_is_bounded_and_forgets_the_oldest_first() {
        let grants = DialogGrants::default();
        for number in 0..=REMEMBERED {
            grants.grant(Grant::Read, Path::new(&format!("/data/{number}.tcm")));
        }
        grants.grant(Grant::Write, Path::new("/out/kept.pdf"));
        grants
            .check(Grant::Read, "/data/0.tcm")
            .expect_err("the oldest was forgotten");
        grants.check(Grant::Read, "/data/1.tcm").expect("kept");
        grants
            .check(Grant::Read, &format!("/data/{REMEMBERED}.tcm"))
            .expect("the newest is kept");
        grants
            .check(Grant::Write, "/out/kept.pdf")
            .expect("other kinds are not pushed out");
        assert!(grants.lock().len() <= 2 * REMEMBERED);
    }
}
