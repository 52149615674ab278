//! A class's returned files for tests and benchmarks: from the starter `.tcm` file a teacher
//! hands out, one file per group with varied answers around the case's key (some exact, some a
//! level or two away, a few "does not apply" or left blank) and some justifications, as the app
//! on a student's machine would export them. Deterministic: the same seed gives the same class.

use tcm_core::{Answer, Level, QuestionId, Respondent, RespondentProfile};
use tcm_interchange::portable::{self, RecordedAnswer};

/// A small deterministic generator (xorshift64*).
struct Random(u64);

impl Random {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// What students write beside an answer (French, with its typography).
const JUSTIFICATIONS: [&str; 6] = [
    "D’après le cas, § 2\u{a0}: la marque le fait déjà, mais pas partout.",
    "Le texte parle d’un «\u{a0}projet\u{a0}» seulement\u{a0}: rien n’est en place.",
    "Les chiffres du cas montrent un suivi régulier.",
    "Nous n’avons rien trouvé dans le cas sur ce point.",
    "Voir l’encadré sur les réclamations\u{a0}; la réponse reste lente.",
    "Pratique citée deux fois (§ 3 et § 5)\u{a0}: c’est solide.",
];

/// The group's label for position `index` (from 0): `Groupe 01`…
pub fn group_label(index: usize) -> String {
    format!("Groupe {:02}", index + 1)
}

/// One answer around the key: exact with probability `skill`, else one level away (mostly) or
/// two; "does not apply" handled both ways; a few left blank.
fn answer_near(key: Answer, skill: f64, random: &mut Random) -> Option<Answer> {
    let draw = random.next();
    if draw < 0.04 {
        return None;
    }
    let level =
        |value: i16| Level::new(u8::try_from(value.clamp(0, 4)).unwrap_or(0)).map(Answer::Level);
    match key {
        Answer::Level(level_key) => {
            if draw < 0.07 {
                return Some(Answer::NotApplicable);
            }
            if random.next() < skill {
                return Some(key);
            }
            let step: i16 = if random.next() < 0.75 { 1 } else { 2 };
            let sign: i16 = if random.next() < 0.5 { -1 } else { 1 };
            let base = i16::from(level_key.value());
            let moved = if (0..=4).contains(&(base + sign * step)) {
                base + sign * step
            } else {
                base - sign * step
            };
            level(moved)
        }
        Answer::NotApplicable => {
            if random.next() < skill + 0.15 {
                Some(Answer::NotApplicable)
            } else {
                level(1 + i16::from(random.next() < 0.5))
            }
        }
        Answer::DontKnow => Some(Answer::DontKnow),
    }
}

/// `groups` files named `groupe-01.tcm`…, each the starter with one group's answers added.
pub fn group_files(
    starter: &[u8],
    key: &[(String, Answer)],
    groups: usize,
    seed: u64,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<(String, Vec<u8>)> {
    let mut random = Random(seed.max(1));
    (0..groups)
        .map(|index| {
            let label = group_label(index);
            let mut file = portable::from_json(starter).expect("the starter file is readable");
            if !file
                .respondents
                .iter()
                .any(|profile| profile.label == label)
            {
                file.respondents.push(RespondentProfile {
                    label: label.clone(),
                    role: String::new(),
                    group: label.clone(),
                });
            }
            // Groups from careful (0.75 exact) to hasty (0.3).
            let skill = 0.75 - 0.45 * (index % 8) as f64 / 7.0;
            for (question, key) in key {
                let Some(answer) = answer_near(*key, skill, &mut random) else {
                    continue;
                };
                let comment = (random.next() < 0.3).then(|| {
                    let pick = (random.next() * JUSTIFICATIONS.len() as f64) as usize;
                    JUSTIFICATIONS[pick.min(JUSTIFICATIONS.len() - 1)].to_owned()
                });
                file.answers.insert(
                    (Respondent::new(&label), QuestionId::new(question)),
                    RecordedAnswer {
                        answer,
                        comment,
                        updated_at: now,
                    },
                );
            }
            (
                format!("groupe-{:02}.tcm", index + 1),
                portable::to_json(&file, now),
            )
        })
        .collect()
}
