//! Following a running session from the facilitator's window: what the window shows (who
//! joined, the votes counted, the question pushed or revealed, the session stopped) is sent to
//! it as it changes, instead of the window asking again and again. Changes are coalesced: at
//! most one view per [`FOLLOW_INTERVAL`], and the last change is always sent.

use std::sync::{Arc, Weak};
use std::time::Duration;

use tcm_api::transfer::LiveSessionView;
use tokio::sync::watch;

use crate::server::LiveSession;
use crate::state::Broadcast;

/// At most one view per this interval: 200 phones voting within a second send the window
/// twenty views, not two hundred; a vote shows in the window within this (plus the time the
/// view takes to build).
pub const FOLLOW_INTERVAL: Duration = Duration::from_millis(50);

/// One window following the session (see [`crate::LiveDesk::follow`], or
/// [`LiveSession::follow`] for a session run without the desk).
pub struct Follower {
    /// Weak: a follower never keeps a session alive (a dropped session stops).
    session: Weak<LiveSession>,
    counts: watch::Receiver<u64>,
    pace: watch::Receiver<Broadcast>,
    /// The number of the desk's latest follower: a newer one replaces this one (none: a
    /// follower of the session alone, never replaced).
    followers: Option<watch::Receiver<u64>>,
    number: u64,
}

/// What woke a follower up.
enum Wake {
    Changed,
    Replaced,
}

impl Follower {
    /// A follower of `session`, numbered after the previous ones of `followers` (if any).
    pub(crate) fn new(
        session: &Arc<LiveSession>,
        followers: Option<&watch::Sender<u64>>,
    ) -> Follower {
        let mut number = 0;
        if let Some(followers) = followers {
            followers.send_modify(|latest| {
                *latest += 1;
                number = *latest;
            });
        }
        Follower {
            session: Arc::downgrade(session),
            counts: session.subscribe_counts(),
            pace: session.session.broadcast.subscribe(),
            followers: followers.map(watch::Sender::subscribe),
            number,
        }
    }

    fn replaced(&mut self) -> bool {
        self.followers
            .as_mut()
            .is_some_and(|followers| *followers.borrow_and_update() != self.number)
    }

    /// Sends the session's view at once, then after every change (at most once per
    /// [`FOLLOW_INTERVAL`]), until the session stops — then `None`, once —, `send` answers
    /// `false` (nobody listens any more) or a newer follower replaces this one.
    pub async fn run(mut self, mut send: impl FnMut(Option<LiveSessionView>) -> bool) {
        loop {
            if self.replaced() {
                return;
            }
            // Marked as seen before the view is built: a change while it is built wakes us again.
            self.counts.borrow_and_update();
            self.pace.borrow_and_update();
            let running = self.session.upgrade().filter(|session| !session.stopped());
            let Some(session) = running else {
                send(None);
                return;
            };
            let view = session.view();
            drop(session);
            // The view cannot fail to build (its join information is kept from the start);
            // if it ever did, the next change tries again.
            if let Ok(view) = view
                && !send(Some(view))
            {
                return;
            }
            tokio::time::sleep(FOLLOW_INTERVAL).await;
            match self.next_change().await {
                Wake::Changed => {}
                Wake::Replaced => return,
            }
        }
    }

    async fn next_change(&mut self) -> Wake {
        // A sender gone (the session dropped) counts as a change: the loop then finds the
        // session stopped and says so.
        let replacement = async {
            match self.followers.as_mut() {
                Some(followers) => followers.changed().await.is_ok(),
                None => std::future::pending().await,
            }
        };
        let woken = tokio::select! {
            _ = self.counts.changed() => Wake::Changed,
            _ = self.pace.changed() => Wake::Changed,
            open = replacement => if open { Wake::Changed } else { Wake::Replaced },
        };
        match woken {
            Wake::Changed if self.replaced() => Wake::Replaced,
            woken => woken,
        }
    }
}

impl LiveSession {
    /// A follower of this session alone (a session run without the desk: the headless
    /// `tcm live`, the benchmark); the desk's [`crate::LiveDesk::follow`] keeps one per window.
    pub fn follow(self: &Arc<Self>) -> Follower {
        Follower::new(self, None)
    }
}
