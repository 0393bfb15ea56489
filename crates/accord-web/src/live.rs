//! Live updates (issue 5): pages learn within a second that cases changed, whatever changed
//! them — a reply in the browser, an email being filed, a timer escalating, another node.
//!
//! One poller per process reads the cases changed since it last looked (an index range on
//! `cases.updated_at`, so it costs the same with 100 or 100,000 cases) and broadcasts them;
//! each open page holds a server-sent-events stream that forwards the changes its reader's
//! scope allows. Polling the database rather than hooking the writes is what makes changes
//! made by other nodes and by the background workers arrive too.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use accord_store::Store;
use accord_store::cases::CaseChange;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum_extra::extract::CookieJar;
use futures::Stream;
use tokio::sync::{OnceCell, broadcast};

use crate::AppState;
use crate::pages::PageUser;

/// How often the poller looks: live updates arrive within this plus the page's own work.
const POLL_EVERY: Duration = Duration::from_millis(400);
/// Changes read per look; more wait for the next one.
const BATCH: i64 = 500;

pub struct Live {
    sender: broadcast::Sender<Arc<Vec<CaseChange>>>,
    poller: OnceCell<()>,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            sender: broadcast::channel(64).0,
            poller: OnceCell::new(),
        }
    }
}

impl Live {
    /// Starts the poller on first use (it needs the runtime, which exists by then).
    async fn subscribe(&self, store: &Store) -> broadcast::Receiver<Arc<Vec<CaseChange>>> {
        let receiver = self.sender.subscribe();
        self.poller
            .get_or_init(|| async {
                let sender = self.sender.clone();
                let store = store.clone();
                tokio::spawn(poll(store, sender));
            })
            .await;
        receiver
    }
}

async fn poll(store: Store, sender: broadcast::Sender<Arc<Vec<CaseChange>>>) {
    let mut seen = loop {
        match store.latest_case_change().await {
            Ok(latest) => break latest,
            Err(e) => tracing::warn!(error = %e, "live updates: cannot read the latest change"),
        }
        tokio::time::sleep(POLL_EVERY * 5).await;
    };
    let mut ticker = tokio::time::interval(POLL_EVERY);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        match store.case_changes_since(seen, BATCH).await {
            Ok(changes) if !changes.is_empty() => {
                seen = changes.iter().map(|c| c.updated_at).max().unwrap_or(seen);
                // Nobody listening is not an error: the next page to open subscribes anew.
                let _ = sender.send(Arc::new(changes));
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "live updates: cannot read changes"),
        }
    }
}

/// Whether the stream's session still stands (not signed out, not ended by a password
/// change, its user not deactivated): checked in the database before each event, so an open
/// stream stops telling anything the moment its session ends, on whichever node it is.
async fn still_signed_in(store: &Store, secret: &str) -> bool {
    matches!(store.session(secret, crate::now()).await, Ok(Some(_)))
}

/// `GET /events`: a server-sent-events stream; each event `cases` carries the numbers of the
/// cases that changed, as JSON, limited to what the signed-in reader may see. It ends when
/// the reader's session does.
pub async fn events(
    State(state): State<AppState>,
    user: PageUser,
    jar: CookieJar,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let scope = user.session.principal.actor().scope();
    let secret = jar
        .get(crate::pages::SESSION_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    let store = state.store.clone();
    let receiver = state.live.subscribe(&state.store).await;
    let stream = futures::stream::unfold(receiver, move |mut receiver| {
        let store = store.clone();
        let secret = secret.clone();
        async move {
            loop {
                match receiver.recv().await {
                    Ok(changes) => {
                        let numbers: Vec<i64> = changes
                            .iter()
                            .filter(|c| c.visible_in(scope))
                            .map(|c| c.number)
                            .collect();
                        if numbers.is_empty() {
                            continue;
                        }
                        if !still_signed_in(&store, &secret).await {
                            return None;
                        }
                        let data = serde_json::to_string(&numbers).unwrap_or_default();
                        return Some((Ok(Event::default().event("cases").data(data)), receiver));
                    }
                    // Fell behind: say "something changed" without the numbers.
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        if !still_signed_in(&store, &secret).await {
                            return None;
                        }
                        return Some((Ok(Event::default().event("cases").data("[]")), receiver));
                    }
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}
