//! A fuzzing harness that runs on stable Rust under `cargo test`: a seeded mutation loop over
//! the committed seed corpora of `fuzz/corpus/<target>/`, steered by what each input made the
//! reader answer.
//!
//! Why not cargo-fuzz: libFuzzer needs a nightly toolchain and the `cargo fuzz` tool, which
//! the project's setup script does not install; this harness runs wherever the tests run, in CI
//! included, and every run is reproducible from its seed.
//!
//! How a run goes: the seeds are loaded; each execution picks an input of the pool, mutates it
//! (bit flips, interesting bytes, insertions, deletions, repeated chunks, splices with another
//! input, tokens from the target's dictionary) and hands it to the target. The target returns
//! an *outcome*: a short text naming what the input led to (accepted, or which refusal). An
//! input whose outcome was not seen before joins the pool, so that the loop keeps what reached
//! new code. A panic is a finding: its input is written to `target/fuzz-findings/<target>/`
//! and the test fails at the end with the list. An abort (stack overflow) ends the binary;
//! the printed seed and execution count replay it (`TCM_FUZZ_SEED`, `TCM_FUZZ_ITERATIONS`).
//!
//! Budget: `TCM_FUZZ_SECONDS` (a long run, such as 600) or else `TCM_FUZZ_ITERATIONS` (default
//! [`DEFAULT_ITERATIONS`]), never more than [`DEFAULT_SECONDS`] seconds unless
//! `TCM_FUZZ_SECONDS` says so: the CI run stays short.

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Executions of a default (CI) run.
pub const DEFAULT_ITERATIONS: u64 = 4_000;
/// The longest a default run lasts, in seconds.
pub const DEFAULT_SECONDS: u64 = 25;
/// The largest input the mutator produces, in bytes.
pub const MAX_INPUT: usize = 256 * 1024;
/// Inputs kept in the pool at most (seeds included).
const MAX_POOL: usize = 4_000;

/// A small, fast, seeded generator (SplitMix64): the same seed gives the same run.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`0` when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next_u64() % bound as u64) as usize
        }
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Bytes that often change how a text format is read.
const INTERESTING: &[u8] =
    b"\0\x01\x07\x1b\x7f\x80\xff\xfe\xef\xbb\xbf\"',;\t\n\r{}[]=<>&#.:-+0159eE\\ ";

/// Mutates `input` in place with one to four random operations; `pool` gives splice material,
/// `dictionary` tokens of the format.
pub fn mutate(input: &mut Vec<u8>, rng: &mut Rng, pool: &[Vec<u8>], dictionary: &[&[u8]]) {
    for _ in 0..=rng.below(4) {
        mutate_once(input, rng, pool, dictionary);
    }
    input.truncate(MAX_INPUT);
}

fn mutate_once(input: &mut Vec<u8>, rng: &mut Rng, pool: &[Vec<u8>], dictionary: &[&[u8]]) {
    let len = input.len();
    match rng.below(11) {
        0 if len > 0 => {
            let at = rng.below(len);
            input[at] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let at = rng.below(len);
            input[at] = INTERESTING[rng.below(INTERESTING.len())];
        }
        2 => {
            let at = rng.below(len + 1);
            let count = 1 + rng.below(8);
            let bytes: Vec<u8> = (0..count).map(|_| rng.next_u64() as u8).collect();
            input.splice(at..at, bytes);
        }
        3 if len > 0 => {
            let at = rng.below(len);
            let count = 1 + rng.below((len - at).min(64));
            input.drain(at..at + count);
        }
        4 if len > 0 => {
            // A chunk repeated: long lines, long names, deep nesting, many rows.
            let at = rng.below(len);
            let count = 1 + rng.below((len - at).min(256));
            let chunk = input[at..at + count].to_vec();
            let times = if rng.chance(8) {
                1 + rng.below(2_000)
            } else {
                1 + rng.below(8)
            };
            let mut repeated = Vec::with_capacity(chunk.len() * times);
            for _ in 0..times {
                repeated.extend_from_slice(&chunk);
            }
            input.splice(at..at, repeated);
        }
        5 if !pool.is_empty() => {
            let other = &pool[rng.below(pool.len())];
            if !other.is_empty() {
                let from = rng.below(other.len());
                let count = 1 + rng.below((other.len() - from).min(512));
                let at = rng.below(len + 1);
                input.splice(at..at, other[from..from + count].iter().copied());
            }
        }
        6 | 7 if !dictionary.is_empty() => {
            let token = dictionary[rng.below(dictionary.len())];
            let at = rng.below(len + 1);
            if rng.chance(2) && at + token.len() <= len {
                input[at..at + token.len()].copy_from_slice(token);
            } else {
                input.splice(at..at, token.iter().copied());
            }
        }
        8 if len > 0 => {
            input.truncate(rng.below(len));
        }
        9 if len > 1 => {
            // Two ranges swapped: rows, cells or keys out of order.
            let a = rng.below(len);
            let b = rng.below(len);
            let count = 1 + rng.below((len - a.max(b)).min(128));
            let (a, b) = (a.min(b), a.max(b));
            if a + count <= b {
                let first = input[a..a + count].to_vec();
                let second = input[b..b + count].to_vec();
                input[a..a + count].copy_from_slice(&second);
                input[b..b + count].copy_from_slice(&first);
            }
        }
        _ if len > 0 => {
            // A digit run replaced by a large or odd number.
            let numbers: [&[u8]; 8] = [
                b"0",
                b"-1",
                b"4294967296",
                b"18446744073709551616",
                b"1e308",
                b"NaN",
                b"9999999999999999999999",
                b"-0",
            ];
            let at = rng.below(len);
            if input[at].is_ascii_digit() {
                let end = input[at..]
                    .iter()
                    .position(|byte| !byte.is_ascii_digit())
                    .map_or(len, |offset| at + offset);
                let number = numbers[rng.below(numbers.len())];
                input.splice(at..end, number.iter().copied());
            }
        }
        _ => input.push(rng.next_u64() as u8),
    }
}

/// What one fuzzing run did.
#[derive(Debug)]
pub struct Report {
    pub target: String,
    pub seed: u64,
    pub executions: u64,
    pub elapsed: Duration,
    /// Distinct outcomes reached.
    pub outcomes: usize,
    /// Inputs in the pool at the end (seeds included).
    pub pool: usize,
    /// The largest input tried, in bytes.
    pub largest_input: usize,
    /// Panics: the message and where the input was written.
    pub findings: Vec<String>,
}

impl Report {
    pub fn summary(&self) -> String {
        format!(
            "fuzz {}: {} executions in {:.1} s ({:.0}/s), seed {}, {} outcomes, pool {}, largest input {} bytes, {} findings, peak memory {}",
            self.target,
            self.executions,
            self.elapsed.as_secs_f64(),
            self.executions as f64 / self.elapsed.as_secs_f64().max(0.001),
            self.seed,
            self.outcomes,
            self.pool,
            self.largest_input,
            self.findings.len(),
            peak_memory().unwrap_or_else(|| "unknown".to_owned()),
        )
    }
}

/// The process's peak resident memory (`VmHWM`), where the system tells it.
pub fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .map(|value| value.trim().to_owned())
}

/// The committed seeds of `target`: every file of `fuzz/corpus/<target>/`, sorted by name.
pub fn seeds(target: &str) -> Vec<Vec<u8>> {
    let folder = corpus_folder(target);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| path.is_file())
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|path| std::fs::read(path).ok())
        .collect()
}

/// `fuzz/corpus/<target>/` at the repository's root.
pub fn corpus_folder(target: &str) -> PathBuf {
    repository_root().join("fuzz/corpus").join(target)
}

fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.trim().parse().ok()
}

/// How long a run lasts: executions and wall time, from the environment.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    pub iterations: u64,
    pub time: Duration,
}

impl Budget {
    pub fn from_env() -> Budget {
        match env_number("TCM_FUZZ_SECONDS") {
            Some(seconds) => Budget {
                iterations: env_number("TCM_FUZZ_ITERATIONS").unwrap_or(u64::MAX),
                time: Duration::from_secs(seconds),
            },
            None => Budget {
                iterations: env_number("TCM_FUZZ_ITERATIONS").unwrap_or(DEFAULT_ITERATIONS),
                time: Duration::from_secs(DEFAULT_SECONDS),
            },
        }
    }
}

/// Runs the mutation loop over `target`'s seeds. `execute` reads one input and returns its
/// outcome; it must not panic. Uses [`Budget::from_env`] and `TCM_FUZZ_SEED` (default 1).
pub fn run(target: &str, dictionary: &[&[u8]], mut execute: impl FnMut(&[u8]) -> String) -> Report {
    run_with(
        target,
        |input, rng, pool| mutate(input, rng, pool, dictionary),
        &mut execute,
    )
}

/// [`run`] with the target's own mutation (such as one part of a ZIP package mutated).
pub fn run_with(
    target: &str,
    mut mutator: impl FnMut(&mut Vec<u8>, &mut Rng, &[Vec<u8>]),
    execute: &mut dyn FnMut(&[u8]) -> String,
) -> Report {
    let budget = Budget::from_env();
    let seed = env_number("TCM_FUZZ_SEED").unwrap_or(1);
    let mut rng = Rng::new(seed);
    let mut pool = seeds(target);
    assert!(
        !pool.is_empty(),
        "no seeds in {}",
        corpus_folder(target).display()
    );
    let panics: Arc<Mutex<Vec<String>>> = Arc::new(Mutex::new(Vec::new()));
    let previous_hook = std::panic::take_hook();
    {
        let panics = panics.clone();
        std::panic::set_hook(Box::new(move |info| {
            if let Ok(mut panics) = panics.lock() {
                panics.push(info.to_string());
            }
        }));
    }
    let mut outcomes = BTreeSet::new();
    let mut findings = Vec::new();
    let mut largest_input = 0;
    let started = Instant::now();
    let mut executions = 0;
    // The seeds first, as they are.
    let seed_count = pool.len();
    while executions < budget.iterations && started.elapsed() < budget.time {
        let input = if (executions as usize) < seed_count {
            pool[executions as usize].clone()
        } else {
            let mut input = pool[rng.below(pool.len())].clone();
            mutator(&mut input, &mut rng, &pool);
            input
        };
        largest_input = largest_input.max(input.len());
        executions += 1;
        match catch_unwind(AssertUnwindSafe(|| execute(&input))) {
            Ok(outcome) => {
                if outcomes.insert(outcome) && pool.len() < MAX_POOL {
                    pool.push(input);
                }
            }
            Err(_) => {
                let message = panics
                    .lock()
                    .ok()
                    .and_then(|mut panics| panics.pop())
                    .unwrap_or_else(|| "a panic".to_owned());
                let written = save_finding(target, &input);
                findings.push(format!("{message} (input: {written})"));
            }
        }
    }
    std::panic::set_hook(previous_hook);
    let report = Report {
        target: target.to_owned(),
        seed,
        executions,
        elapsed: started.elapsed(),
        outcomes: outcomes.len(),
        pool: pool.len(),
        largest_input,
        findings,
    };
    println!("{}", report.summary());
    if std::env::var_os("TCM_FUZZ_OUTCOMES").is_some() {
        for outcome in &outcomes {
            println!("  outcome: {outcome}");
        }
    }
    report
}

/// Writes a panicking input to `target/fuzz-findings/<target>/<hash>` and says where.
fn save_finding(target: &str, input: &[u8]) -> String {
    let hash = input.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    });
    let folder = repository_root().join("target/fuzz-findings").join(target);
    let path = folder.join(format!("{hash:016x}"));
    match std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(&path, input)) {
        Ok(()) => path.display().to_string(),
        Err(error) => format!("not written: {error}"),
    }
}

/// An outcome as a short, stable text: digits folded so that `row 12` and `row 13` count as
/// one outcome, quoted input (between backticks or « ») left out, and cut to a few words.
pub fn outcome(text: &str) -> String {
    let mut folded = String::new();
    let mut last_digit = false;
    let mut quoted = false;
    for character in text.chars().take(200) {
        if matches!(character, '`' | '«' | '»') {
            quoted = !quoted && character != '»';
            folded.push(character);
            continue;
        }
        if quoted {
            continue;
        }
        if character.is_ascii_digit() {
            if !last_digit {
                folded.push('#');
            }
            last_digit = true;
        } else {
            folded.push(character);
            last_digit = false;
        }
    }
    folded
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fails with the findings of `report`, if any.
pub fn assert_no_findings(report: &Report) {
    assert!(
        report.findings.is_empty(),
        "{} panicked on {} input(s) (seed {}):\n{}",
        report.target,
        report.findings.len(),
        report.seed,
        report.findings.join("\n")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_mutations() {
        let pool = vec![b"respondent,question,answer\nAnne,cre-01,3\n".to_vec()];
        let run = |seed| {
            let mut rng = Rng::new(seed);
            let mut input = pool[0].clone();
            for _ in 0..50 {
                mutate(&mut input, &mut rng, &pool, &[b"NA"]);
            }
            input
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
    }

    #[test]
    fn mutations_stay_within_the_input_bound() {
        let pool = vec![vec![b'a'; MAX_INPUT]];
        let mut rng = Rng::new(3);
        let mut input = pool[0].clone();
        for _ in 0..200 {
            mutate(&mut input, &mut rng, &pool, &[b"xyz"]);
            assert!(input.len() <= MAX_INPUT);
        }
    }

    #[test]
    fn outcomes_fold_numbers_and_keep_a_few_words() {
        assert_eq!(
            outcome("line 12, column 7: unknown answer `5` for question q-1 and more words"),
            "line #, column #: unknown answer `` for"
        );
    }
}
