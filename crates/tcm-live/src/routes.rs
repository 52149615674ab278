//! The participant endpoints, and nothing else: the page and its assets, the room code, join,
//! the current question(s), answer, comment, and the Server-Sent Events stream of the pace.
//! Every request passes [`guard`] first: session stopped, Host header, per-address limit for
//! requests without a known participant's token, and the security headers on every response.
//! The page and its assets are gzip-compressed when the browser accepts it.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use tcm_api::{ApiError, ErrorKind};
use tcm_store::LiveJoin;
use tower_http::compression::CompressionLayer;

use crate::adapter;
use crate::assets;
use crate::host_check;
use crate::state::{Ack, Broadcast, Given, Participant, Question, Session};
use crate::tokens;

/// The page's policy: its own scripts, styles and requests only; no frames, forms or plugins.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; manifest-src 'self'; base-uri 'none'; \
     form-action 'none'; frame-ancestors 'none'";

const MAX_NAME: usize = 60;
const MAX_COMMENT: usize = 2000;
const VALUES: [&str; 7] = ["0", "1", "2", "3", "4", "NA", "?"];

/// A request refused, as the page receives it: `{ kind, message }`.
#[derive(Debug)]
pub struct Refusal {
    status: StatusCode,
    kind: &'static str,
    message: String,
}

impl Refusal {
    fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> Refusal {
        Refusal {
            status,
            kind,
            message: message.into(),
        }
    }

    fn not_found() -> Refusal {
        Refusal::new(StatusCode::NOT_FOUND, "notFound", "no such room or page")
    }

    fn invalid(message: impl Into<String>) -> Refusal {
        Refusal::new(StatusCode::BAD_REQUEST, "invalid", message)
    }
}

impl From<ApiError> for Refusal {
    fn from(error: ApiError) -> Refusal {
        match error.kind {
            ErrorKind::InvalidInput => {
                Refusal::new(StatusCode::CONFLICT, "conflict", error.message)
            }
            ErrorKind::NotFound => Refusal::new(StatusCode::NOT_FOUND, "notFound", error.message),
            _ => Refusal::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage",
                "the facilitator's computer could not save; try again",
            ),
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body<'a> {
            kind: &'a str,
            message: &'a str,
        }
        (
            self.status,
            Json(Body {
                kind: self.kind,
                message: &self.message,
            }),
        )
            .into_response()
    }
}

/// The router of a session.
pub(crate) fn router(session: Arc<Session>) -> Router {
    let body_limit = session.options.limits.body_bytes;
    // The page, its assets and the questions (the largest answer: 70 KB for the whole grid)
    // travel gzip-compressed to a browser that accepts it (a phone on a crowded Wi-Fi loads a
    // fifth to a third of the bytes); the small JSON acknowledgements and the event stream are
    // sent as they are, at once.
    let compressed = Router::new()
        .route("/", get(page))
        .route("/j/{secret}", get(room_page))
        .route("/assets/{file}", get(asset))
        .route("/j/{secret}/questions", get(questions))
        .layer(CompressionLayer::new());
    Router::new()
        .merge(compressed)
        .route("/room", post(room))
        .route("/j/{secret}/join", post(join))
        .route("/j/{secret}/answer", post(answer))
        .route("/j/{secret}/comment", post(comment))
        .route("/j/{secret}/events", get(events))
        .fallback(|| async { Refusal::not_found() })
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(middleware::from_fn_with_state(session.clone(), guard))
        .with_state(session)
}

/// Runs before every route.
async fn guard(
    State(session): State<Arc<Session>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = if session.lock().stopped {
        Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "stopped",
            "the session has ended",
        )
        .into_response()
    } else if !host_check::host_allowed(
        request
            .headers()
            .get(header::HOST)
            .and_then(|host| host.to_str().ok()),
        &session.accepted_hosts,
    ) {
        Refusal::new(
            StatusCode::MISDIRECTED_REQUEST,
            "wrongHost",
            "unexpected Host header",
        )
        .into_response()
    } else if !known_participant(&session, &request)
        && !session.address_limiter.allow(
            session.address_limiter.address_key(peer.ip()),
            Instant::now(),
        )
    {
        Refusal::new(
            StatusCode::TOO_MANY_REQUESTS,
            "tooMany",
            "too many requests; wait a moment",
        )
        .into_response()
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// What the page needs before join, given in the page itself (a `<meta>` element).
#[derive(Serialize)]
struct Room<'a> {
    title: &'a str,
    language: &'a str,
    anonymous: bool,
    groups: &'a [String],
}

/// Escapes a text for an HTML attribute value.
fn attribute(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// The page; for a room, with the room's description in a `<meta name="tcm-room">`.
/// Whether a request goes to a participant's route with the token of a participant in
/// memory: those are limited per token; everything else (the page, the room code, join, and
/// unknown tokens, which cost a database lookup) is limited per address.
fn known_participant(session: &Session, request: &Request) -> bool {
    let path = request.uri().path();
    let token_route = ["/questions", "/answer", "/comment", "/events"]
        .iter()
        .any(|route| path.ends_with(route));
    token_route
        && request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .filter(|token| tokens::well_formed_token(token))
            .is_some_and(|token| {
                session
                    .lock()
                    .participants
                    .contains_key(&tokens::hash(token))
            })
}

fn index(room: Option<&Room<'_>>) -> Response {
    let Some((bytes, content_type)) = assets::file("index.html") else {
        return Refusal::not_found().into_response();
    };
    let html = String::from_utf8_lossy(bytes);
    let html = match room.and_then(|room| serde_json::to_string(room).ok()) {
        Some(json) => html.replacen(
            "</head>",
            &format!(
                "<meta name=\"tcm-room\" content=\"{}\">\n</head>",
                attribute(&json)
            ),
            1,
        ),
        None => html.into_owned(),
    };
    ([(header::CONTENT_TYPE, content_type)], html).into_response()
}

async fn page() -> Response {
    index(None)
}

/// The room's page. A link to no open room — most often the link of an earlier session,
/// kept in a phone's tab when the facilitator started the session again and the room got a
/// new secret — still gets the page, without the room and with status 404: the page says so
/// and asks for the room code, instead of a browser showing a JSON error.
async fn room_page(State(session): State<Arc<Session>>, Path(secret): Path<String>) -> Response {
    if tokens::same_secret(&secret, &session.secret) {
        index(Some(&Room {
            title: &session.title,
            language: &session.language,
            anonymous: session.options.anonymous,
            groups: &session.options.groups,
        }))
    } else {
        let mut page = index(None);
        *page.status_mut() = StatusCode::NOT_FOUND;
        page
    }
}

async fn asset(Path(file): Path<String>) -> Response {
    match assets::file(&format!("assets/{file}")) {
        Some((bytes, content_type)) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            bytes,
        )
            .into_response(),
        None => Refusal::not_found().into_response(),
    }
}

#[derive(Deserialize)]
struct RoomCode {
    code: String,
}

#[derive(Serialize)]
struct RoomSecret {
    secret: String,
}

/// The six-character code typed on the short URL, exchanged for the room's join path.
async fn room(
    State(session): State<Arc<Session>>,
    Json(body): Json<RoomCode>,
) -> Result<Json<RoomSecret>, Refusal> {
    let typed: String = body
        .code
        .chars()
        .filter(|character| !character.is_whitespace() && *character != '-')
        .collect::<String>()
        .to_uppercase();
    if tokens::same_secret(&typed, &session.code) {
        Ok(Json(RoomSecret {
            secret: session.secret.clone(),
        }))
    } else {
        Err(Refusal::new(
            StatusCode::NOT_FOUND,
            "wrongCode",
            "no room has this code",
        ))
    }
}

fn check_secret(session: &Session, secret: &str) -> Result<(), Refusal> {
    if tokens::same_secret(secret, &session.secret) {
        Ok(())
    } else {
        Err(Refusal::not_found())
    }
}

#[derive(Deserialize)]
struct JoinRequest {
    #[serde(default)]
    name: String,
    #[serde(default)]
    group: String,
}

#[derive(Serialize)]
struct Joined {
    token: String,
    label: String,
    group: String,
}

async fn join(
    State(session): State<Arc<Session>>,
    Path(secret): Path<String>,
    Json(body): Json<JoinRequest>,
) -> Result<Json<Joined>, Refusal> {
    check_secret(&session, &secret)?;
    let label = if session.options.anonymous {
        LiveJoin::Anonymous
    } else {
        let name = body.name.trim();
        if name.is_empty() {
            return Err(Refusal::invalid("a name is needed to join this session"));
        }
        if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
            return Err(Refusal::invalid(format!(
                "a name is at most {MAX_NAME} characters, without control characters"
            )));
        }
        LiveJoin::Named(name.to_owned())
    };
    let group = body.group.trim().to_owned();
    if session.options.groups.is_empty() {
        if !group.is_empty() {
            return Err(Refusal::invalid("this session has no groups"));
        }
    } else if !session.options.groups.contains(&group) {
        return Err(Refusal::invalid("pick one of the session's groups"));
    }
    let token = tokens::participant_token().map_err(|error| {
        Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "storage",
            error.to_string(),
        )
    })?;
    let hash = tokens::hash(&token);
    let (workbench, assessment, stored_hash, stored_group) = (
        session.workbench.clone(),
        session.assessment,
        hash.clone(),
        group.clone(),
    );
    let joined = adapter::blocking(move || {
        adapter::join(&workbench, assessment, &label, &stored_group, &stored_hash)
    })
    .await?;
    {
        let mut inner = session.lock();
        inner.participants.insert(
            hash.clone(),
            Participant {
                respondent: joined.respondent,
                label: joined.label.clone(),
                group: joined.group.clone(),
                issued_at: session.workbench.now(),
                acked: HashMap::new(),
                resume: None,
            },
        );
        inner.order.push(hash);
    }
    session.counts_changed();
    Ok(Json(Joined {
        token,
        label: joined.label,
        group: joined.group,
    }))
}

/// The participant a request's token names: from memory, or from the database after a
/// restart of the app. Returns the token's hash.
async fn authenticate(
    session: &Arc<Session>,
    secret: &str,
    headers: &HeaderMap,
) -> Result<String, Refusal> {
    check_secret(session, secret)?;
    let unauthorized = || {
        Refusal::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "join the session again",
        )
    };
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .filter(|token| tokens::well_formed_token(token))
        .ok_or_else(unauthorized)?;
    let hash = tokens::hash(token);
    if !session
        .token_limiter
        .allow(session.token_limiter.key(&hash), Instant::now())
    {
        return Err(Refusal::new(
            StatusCode::TOO_MANY_REQUESTS,
            "tooMany",
            "too many requests; wait a moment",
        ));
    }
    let issued_at = session
        .lock()
        .participants
        .get(&hash)
        .map(|participant| participant.issued_at);
    let issued_at = match issued_at {
        Some(issued_at) => issued_at,
        None => resume(session, &hash).await?.ok_or_else(unauthorized)?,
    };
    let age = session.workbench.now() - issued_at;
    let lifetime =
        chrono::Duration::from_std(session.options.token_lifetime).unwrap_or(chrono::Duration::MAX);
    if age >= lifetime {
        return Err(Refusal::new(
            StatusCode::UNAUTHORIZED,
            "expired",
            "this device's access has expired; join again",
        ));
    }
    Ok(hash)
}

/// Brings back a participant of an earlier session (the app was restarted).
async fn resume(
    session: &Arc<Session>,
    hash: &str,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, Refusal> {
    let (workbench, assessment, looked_up) = (
        session.workbench.clone(),
        session.assessment,
        hash.to_owned(),
    );
    let Some(resumed) =
        adapter::blocking(move || adapter::resume(&workbench, assessment, &looked_up)).await?
    else {
        return Ok(None);
    };
    let mut inner = session.lock();
    if let Some(participant) = inner.participants.get(hash) {
        return Ok(Some(participant.issued_at));
    }
    for answer in resumed.answers.answers {
        let in_scope = session.in_scope(&answer.question_id);
        inner.record(
            resumed.respondent.id,
            &answer.question_id,
            Given {
                value: tcm_core::Answer::from(answer.answer).to_string(),
                comment: answer.comment,
            },
            in_scope,
        );
    }
    inner.participants.insert(
        hash.to_owned(),
        Participant {
            respondent: resumed.respondent.id,
            label: resumed.respondent.label,
            group: resumed.respondent.group,
            issued_at: resumed.issued_at,
            acked: HashMap::new(),
            resume: resumed.answers.resume_question,
        },
    );
    inner.order.push(hash.to_owned());
    drop(inner);
    session.counts_changed();
    Ok(Some(resumed.issued_at))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Questions {
    label: String,
    group: String,
    title: String,
    language: String,
    scale: Vec<tcm_api::transfer::ScaleLevelDetail>,
    pace: Broadcast,
    questions: Vec<Question>,
    answers: HashMap<String, Given>,
    resume: Option<String>,
    total: usize,
}

async fn questions(
    State(session): State<Arc<Session>>,
    Path(secret): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Questions>, Refusal> {
    let hash = authenticate(&session, &secret, &headers).await?;
    let pace = session.broadcast.borrow().clone();
    let inner = session.lock();
    let participant = inner
        .participants
        .get(&hash)
        .ok_or_else(Refusal::not_found)?;
    let shown: Vec<Question> = if session.facilitated() {
        inner
            .current
            .iter()
            .filter_map(|id| session.question(id).cloned())
            .collect()
    } else {
        session
            .scope
            .iter()
            .filter_map(|id| session.question(id).cloned())
            .collect()
    };
    let answers = inner
        .answers
        .get(&participant.respondent)
        .map(|given| {
            given
                .iter()
                .filter(|(question, _)| shown.iter().any(|one| &&one.id == question))
                .map(|(question, given)| (question.clone(), given.clone()))
                .collect()
        })
        .unwrap_or_default();
    Ok(Json(Questions {
        label: participant.label.clone(),
        group: participant.group.clone(),
        title: session.title.clone(),
        language: session.language.clone(),
        scale: session.scale.clone(),
        pace,
        total: shown.len(),
        questions: shown,
        answers,
        resume: participant.resume.clone(),
    }))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AnswerRequest {
    answer_id: String,
    question_id: String,
    /// Absent for a comment on the answer already given.
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    comment: String,
}

fn well_formed_answer_id(id: &str) -> bool {
    (8..=64).contains(&id.len())
        && id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
}

async fn answer(
    State(session): State<Arc<Session>>,
    Path(secret): Path<String>,
    headers: HeaderMap,
    Json(body): Json<AnswerRequest>,
) -> Result<Json<Ack>, Refusal> {
    if body.value.is_none() {
        return Err(Refusal::invalid("an answer needs a value: 0–4, NA or ?"));
    }
    save(session, secret, headers, body).await
}

async fn comment(
    State(session): State<Arc<Session>>,
    Path(secret): Path<String>,
    headers: HeaderMap,
    Json(mut body): Json<AnswerRequest>,
) -> Result<Json<Ack>, Refusal> {
    body.value = None;
    save(session, secret, headers, body).await
}

/// Saves an answer or a comment, once per answer id, and acknowledges it once committed.
async fn save(
    session: Arc<Session>,
    secret: String,
    headers: HeaderMap,
    body: AnswerRequest,
) -> Result<Json<Ack>, Refusal> {
    let hash = authenticate(&session, &secret, &headers).await?;
    if !well_formed_answer_id(&body.answer_id) {
        return Err(Refusal::invalid(
            "an answer id is 8 to 64 letters, digits, - or _",
        ));
    }
    if body.comment.chars().count() > MAX_COMMENT {
        return Err(Refusal::invalid(format!(
            "a comment is at most {MAX_COMMENT} characters"
        )));
    }
    if let Some(value) = &body.value
        && !VALUES.contains(&value.as_str())
    {
        return Err(Refusal::invalid("an answer is 0, 1, 2, 3, 4, NA or ?"));
    }
    let (respondent, value) = {
        let inner = session.lock();
        let participant = inner
            .participants
            .get(&hash)
            .ok_or_else(Refusal::not_found)?;
        if let Some(ack) = participant.acked.get(&body.answer_id) {
            if ack.question_id == body.question_id {
                return Ok(Json(ack.clone()));
            }
            return Err(Refusal::new(
                StatusCode::CONFLICT,
                "conflict",
                "this answer id was used for another question",
            ));
        }
        let open = if session.facilitated() {
            inner.current.as_deref() == Some(body.question_id.as_str())
        } else {
            session.in_scope(&body.question_id)
        };
        if !open {
            return Err(Refusal::new(
                StatusCode::CONFLICT,
                "closed",
                "this question is not open for answers",
            ));
        }
        if inner.revealed.contains(&body.question_id) {
            return Err(Refusal::new(
                StatusCode::CONFLICT,
                "closed",
                "the votes on this question are revealed; it is closed",
            ));
        }
        let value = match &body.value {
            Some(value) => value.clone(),
            None => inner
                .answers
                .get(&participant.respondent)
                .and_then(|given| given.get(&body.question_id))
                .map(|given| given.value.clone())
                .ok_or_else(|| {
                    Refusal::new(
                        StatusCode::CONFLICT,
                        "noAnswer",
                        "answer the question before commenting",
                    )
                })?,
        };
        (participant.respondent, value)
    };
    let saved = session
        .writer
        .save(adapter::Answered {
            respondent,
            question: body.question_id.clone(),
            value: value.clone(),
            comment: body.comment.clone(),
        })
        .await?;
    let ack = {
        let mut inner = session.lock();
        inner.record(
            respondent,
            &body.question_id,
            Given {
                value: value.clone(),
                comment: body.comment.clone(),
            },
            session.in_scope(&body.question_id),
        );
        // The room's last vote on the pushed question reveals it (see the rule's doc).
        if inner.reveal_when_everyone_voted() {
            session.publish(&inner);
        }
        let answered = session.answered_in_scope(&inner, respondent);
        let ack = Ack {
            answer_id: body.answer_id.clone(),
            question_id: body.question_id.clone(),
            value,
            comment: body.comment,
            answered,
            total: session.scope.len(),
            saved_at: saved.saved_at,
        };
        if let Some(participant) = inner.participants.get_mut(&hash) {
            participant.acked.insert(body.answer_id, ack.clone());
            participant.resume = Some(body.question_id);
        }
        ack
    };
    session.counts_changed();
    Ok(Json(ack))
}

/// The pace, pushed as `state` events until the session stops.
async fn events(
    State(session): State<Arc<Session>>,
    Path(secret): Path<String>,
    headers: HeaderMap,
) -> Result<Response, Refusal> {
    authenticate(&session, &secret, &headers).await?;
    let mut receiver = session.broadcast.subscribe();
    receiver.mark_changed();
    let stream =
        futures_util::stream::unfold((receiver, false), |(mut receiver, ended)| async move {
            if ended || receiver.changed().await.is_err() {
                return None;
            }
            let state = receiver.borrow_and_update().clone();
            let stopped = state.stopped;
            Some((
                Event::default().event("state").json_data(&state),
                (receiver, stopped),
            ))
        });
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}
