//! The secrets of a session: the room secret in the join URL (160 random bits), the
//! six-character room code people type, and the token each participant's device holds
//! (256 random bits), of which only the SHA-256 is kept.

use sha2::{Digest, Sha256};

use crate::error::LiveError;

/// Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L).
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

fn random_bytes<const N: usize>() -> Result<[u8; N], LiveError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|error| LiveError::Random(error.to_string()))?;
    Ok(bytes)
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

/// A new room secret: 40 hexadecimal characters (160 bits).
pub fn room_secret() -> Result<String, LiveError> {
    Ok(hex(&random_bytes::<20>()?))
}

/// A new participant token: 64 hexadecimal characters (256 bits).
pub fn participant_token() -> Result<String, LiveError> {
    Ok(hex(&random_bytes::<32>()?))
}

/// A new six-character room code, uniform over [`CODE_ALPHABET`].
pub fn room_code() -> Result<String, LiveError> {
    let mut code = String::with_capacity(6);
    // Rejection sampling: bytes ≥ 248 (8 × 31) would favour the first letters.
    let limit = (256 / CODE_ALPHABET.len() * CODE_ALPHABET.len()) as u8;
    while code.len() < 6 {
        for byte in random_bytes::<16>()? {
            if byte < limit && code.len() < 6 {
                code.push(char::from(
                    CODE_ALPHABET[usize::from(byte) % CODE_ALPHABET.len()],
                ));
            }
        }
    }
    Ok(code)
}

/// The SHA-256 of a token, in hexadecimal: what is stored and looked up.
pub fn hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(given: &str, expected: &str) -> bool {
    let given = Sha256::digest(given.as_bytes());
    let expected = Sha256::digest(expected.as_bytes());
    given
        .iter()
        .zip(expected.iter())
        .fold(0u8, |difference, (a, b)| difference | (a ^ b))
        == 0
}

/// Whether a text looks like a token (before any lookup).
pub fn well_formed_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|byte| byte.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_random_and_distinct() -> Result<(), LiveError> {
        let secret = room_secret()?;
        assert_eq!(secret.len(), 40);
        assert_ne!(secret, room_secret()?);
        let token = participant_token()?;
        assert!(well_formed_token(&token));
        assert_ne!(token, participant_token()?);
        Ok(())
    }

    #[test]
    fn room_codes_use_only_unambiguous_characters() -> Result<(), LiveError> {
        for _ in 0..200 {
            let code = room_code()?;
            assert_eq!(code.len(), 6);
            assert!(
                code.bytes().all(|byte| CODE_ALPHABET.contains(&byte)),
                "{code}"
            );
            assert!(!code.contains(['0', 'O', '1', 'I', 'L']));
        }
        Ok(())
    }

    #[test]
    fn a_hash_is_stable_and_comparison_is_exact() {
        assert_eq!(hash("abc"), hash("abc"));
        assert_ne!(hash("abc"), hash("abd"));
        assert_eq!(hash("abc").len(), 64);
        // SHA-256 of "abc" in lowercase hexadecimal: the form stored for a resumable
        // participant, so a database written by an earlier version still finds its tokens.
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("", "abc"));
        assert!(!well_formed_token("xyz"));
    }
}
