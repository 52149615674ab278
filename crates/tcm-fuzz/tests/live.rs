//! Fuzzing the live session's request handling: mutated HTTP requests (method, path, headers,
//! JSON bodies) sent over 127.0.0.1 to a running session. Every request gets an HTTP answer,
//! never a 500, never a dropped connection, and the session still serves a participant after.
//!
//! Seeds are requests with placeholders: `{HOST}` (the session's address), `{SECRET}` (the
//! room secret), `{TOKEN}` (a joined participant's token); `Content-Length` is set to the body's
//! length after mutation (most of the time: sometimes a wrong length goes through).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::Duration;

use tcm_api::transfer::{LanguageCode, Mode, NewAssessmentInput, OrganisationInput, Sector};
use tcm_api::{Workbench, assessments};
use tcm_fuzz::{Rng, assert_no_findings, mutate, outcome, run_with};
use tcm_live::{Limits, LiveSession, SessionOptions};

const DICTIONARY: &[&[u8]] = &[
    b"{SECRET}",
    b"{TOKEN}",
    b"/j/{SECRET}/answer",
    b"/j/{SECRET}/comment",
    b"/j/{SECRET}/join",
    b"/j/{SECRET}/questions",
    b"/j/{SECRET}/events",
    b"\"answerId\":\"fuzz-answer-01\"",
    b"\"questionId\":\"cre-01\"",
    b"\"value\":\"NA\"",
    b"\"value\":\"?\"",
    b"\"value\":4",
    b"\"comment\":\"",
    b"\"name\":\"",
    b"\"group\":\"",
    b"\"code\":\"",
    b"Transfer-Encoding: chunked\r\n",
    b"Content-Type: application/json\r\n",
    b"Authorization: Bearer ",
    b"Host: ",
    b"\r\n",
    b"\\u0000",
    b"%00",
    b"%2F..%2F",
    b"\x1b[31m",
];

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// Sends `request` and returns the response's head and the start of its body, or what
/// happened instead: `Err("closed")` when the server closed without answering, `Err("waiting")`
/// when it still waited for the rest of the request (a body shorter than announced).
fn send(address: SocketAddr, request: &[u8], patience: Duration) -> Result<String, &'static str> {
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(2))
        .map_err(|_| "no connection")?;
    let _ = stream.set_read_timeout(Some(patience));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(3)));
    // The server may answer (and close) before reading a whole oversized request.
    let _ = stream.write_all(request);
    let mut response = Vec::new();
    let mut buffer = [0_u8; 4096];
    let mut half_closed = false;
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => {
                response.extend_from_slice(&buffer[..read]);
                // The rest of a response comes at once; a kept-alive connection stays open.
                let _ = stream.set_read_timeout(Some(Duration::from_millis(40)));
                if let Some(end) = find(&response, b"\r\n\r\n")
                    && (response.len() > end + 200
                        || find(&response[..end], b"text/event-stream").is_some())
                {
                    break;
                }
            }
            Err(_) if !response.is_empty() => break,
            Err(_) if !half_closed => {
                // Nothing yet: the server waits for more of the request; end it.
                half_closed = true;
                let _ = stream.shutdown(std::net::Shutdown::Write);
            }
            Err(_) => return Err("waiting"),
        }
    }
    if response.is_empty() {
        Err(if half_closed {
            "closed once ended"
        } else {
            "closed"
        })
    } else {
        Ok(String::from_utf8_lossy(&response).into_owned())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn replace_all(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(at) = find(rest, from) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(to);
        rest = &rest[at + from.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// The request with its placeholders filled and, unless `keep_length`, its Content-Length
/// set to its body's length.
fn fill(template: &[u8], host: &str, secret: &str, token: &str, keep_length: bool) -> Vec<u8> {
    let filled = replace_all(template, b"{HOST}", host.as_bytes());
    let filled = replace_all(&filled, b"{SECRET}", secret.as_bytes());
    let filled = replace_all(&filled, b"{TOKEN}", token.as_bytes());
    if keep_length {
        return filled;
    }
    let Some(end) = find(&filled, b"\r\n\r\n") else {
        return filled;
    };
    let body_length = filled.len() - end - 4;
    let head = String::from_utf8_lossy(&filled[..end]).into_owned();
    let lines: Vec<String> = head
        .split("\r\n")
        .map(|line| {
            if line.to_ascii_lowercase().starts_with("content-length:") {
                format!("Content-Length: {body_length}")
            } else {
                line.to_owned()
            }
        })
        .collect();
    let mut out = lines.join("\r\n").into_bytes();
    out.extend_from_slice(&filled[end..]);
    out
}

/// A request the seeds' shape still has: a known method, a path, HTTP/1.1, printable ASCII
/// headers with a Host and a Content-Length equal to the body's length.
fn well_formed(request: &[u8]) -> bool {
    let Some(end) = find(request, b"\r\n\r\n") else {
        return false;
    };
    let Ok(head) = std::str::from_utf8(&request[..end]) else {
        return false;
    };
    let mut lines = head.split("\r\n");
    let request_line: Vec<&str> = lines.next().unwrap_or("").split(' ').collect();
    let shaped = request_line.len() == 3
        && ["GET", "POST"].contains(&request_line[0])
        && request_line[1].starts_with('/')
        && request_line[1].bytes().all(|byte| byte.is_ascii_graphic())
        && request_line[2] == "HTTP/1.1";
    let mut host = false;
    let mut length_right = true;
    for line in lines {
        let Some((name, value)) = line.split_once(": ") else {
            return false;
        };
        if !name
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
            || !value.bytes().all(|byte| (0x20..0x7f).contains(&byte))
        {
            return false;
        }
        match name.to_ascii_lowercase().as_str() {
            "host" => host = true,
            "content-length" => {
                length_right = value.trim().parse::<usize>().ok() == Some(request.len() - end - 4)
            }
            "transfer-encoding" | "expect" | "upgrade" => return false,
            _ => {}
        }
    }
    shaped && host && length_right
}

fn status(response: &str) -> Option<u16> {
    // HTTP/1.0 requests are answered in HTTP/1.0.
    response.strip_prefix("HTTP/1.")?.get(2..5)?.parse().ok()
}

/// A participant's token, from a join over raw HTTP.
fn join(address: SocketAddr, secret: &str) -> String {
    let body = r#"{"name":"Fuzz","group":"Ventes"}"#;
    let request = format!(
        "POST /j/{secret}/join HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let response =
        send(address, request.as_bytes(), Duration::from_secs(10)).expect("a join response");
    let start = response
        .find("\"token\":\"")
        .unwrap_or_else(|| panic!("a token in {response}"))
        + 9;
    let end = response[start..].find('"').expect("the token's end") + start;
    response[start..end].to_owned()
}

#[test]
fn the_live_session_answers_every_mutated_request() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = Arc::new(Workbench::start(dir.path().join("tcm.sqlite"), now));
    let assessment = assessments::create_assessment(
        &workbench,
        &NewAssessmentInput {
            organisation: OrganisationInput::New {
                name: "Maison Durand".to_owned(),
                sector: Sector::Retail,
                size: None,
                notes: String::new(),
            },
            title: "Atelier".to_owned(),
            mode: Mode::Workshop,
            language: LanguageCode::French,
            questionnaire_id: "tcm-92".to_owned(),
            targets: vec![4, 4, 4, 4, 4],
            first_respondent: None,
        },
    )
    .expect("assessment");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    let mut options = SessionOptions::new("127.0.0.1:0".parse().expect("an address"));
    options.groups = vec!["Ventes".to_owned(), "SAV".to_owned()];
    // The limits stay on, but high enough that the fuzzer reaches the handlers.
    options.limits = Limits {
        per_address_burst: 1_000_000,
        per_address_per_second: 1_000_000.0,
        per_token_burst: 1_000_000,
        per_token_per_second: 1_000_000.0,
        ..Limits::default()
    };
    let session = runtime
        .block_on(LiveSession::start(workbench.clone(), assessment, options))
        .expect("the session starts");
    let address = session.address();
    let info = session.join_info().expect("join info");
    let secret = info
        .url
        .rsplit('/')
        .next()
        .expect("the room secret")
        .to_owned();
    let host = address.to_string();
    let token = join(address, &secret);
    let report = run_with(
        "live",
        |input: &mut Vec<u8>, rng: &mut Rng, pool: &[Vec<u8>]| mutate(input, rng, pool, DICTIONARY),
        &mut |template: &[u8]| {
            // One request in eight keeps the length it claims, right or wrong.
            let keep_length = template.len().is_multiple_of(8);
            let request = fill(template, &host, &secret, &token, keep_length);
            // A well-formed request is waited for; bytes the server may still be waiting
            // the end of are not, for long.
            let patience = if well_formed(&request) {
                Duration::from_secs(10)
            } else {
                Duration::from_millis(250)
            };
            let response = match send(address, &request, patience) {
                Ok(response) => response,
                // Bytes that are not HTTP are dropped by the server; a well-formed request
                // always gets an answer.
                Err(what) => {
                    assert!(
                        !well_formed(&request),
                        "{what} without a response to {:?}",
                        String::from_utf8_lossy(&request)
                    );
                    return what.to_owned();
                }
            };
            let code = status(&response);
            assert!(
                code.is_some(),
                "not an HTTP response to {:?}: {response:?}",
                String::from_utf8_lossy(&request)
            );
            assert_ne!(
                code,
                Some(500),
                "a 500 for {:?}",
                String::from_utf8_lossy(&request)
            );
            let body = response.split_once("\r\n\r\n").map_or("", |(_, body)| body);
            // The first key or tag says which answer it was; tokens and ids would make every
            // answer look new.
            let first: String = match body.split_once("\"kind\":\"") {
                Some((_, kind)) => kind.split('"').next().unwrap_or("").to_owned(),
                None => body
                    .split([':', '>'])
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(40)
                    .collect(),
            };
            format!("{} {}", code.unwrap_or(0), outcome(&first))
        },
    );
    // The session still serves a participant.
    let again = send(
        address,
        format!("GET /j/{secret}/questions HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n").as_bytes(),
        Duration::from_secs(10),
    )
    .expect("a response after the run");
    assert_eq!(status(&again), Some(200), "{again}");
    runtime.block_on(session.stop());
    assert_no_findings(&report);
}
