//! Request rate limits, in memory only: a token bucket per key. Keys are a participant's
//! token hash, or a client address hashed with this process's random keys, so that no
//! address is kept, even in memory. The table is bounded: when full, idle keys are dropped.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

const MAX_KEYS: usize = 20_000;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// A token-bucket limiter keyed by an opaque 64-bit key.
#[derive(Debug)]
pub struct RateLimiter {
    burst: f64,
    per_second: f64,
    buckets: Mutex<HashMap<u64, Bucket>>,
    keys: std::collections::hash_map::RandomState,
}

impl RateLimiter {
    pub fn new(burst: u32, per_second: f64) -> RateLimiter {
        RateLimiter {
            burst: f64::from(burst.max(1)),
            per_second: per_second.max(0.0),
            buckets: Mutex::new(HashMap::new()),
            keys: std::collections::hash_map::RandomState::new(),
        }
    }

    /// The key of a client address: a keyed hash, not the address.
    pub fn address_key(&self, address: IpAddr) -> u64 {
        self.keys.hash_one(address)
    }

    /// The key of any other value (a token hash).
    pub fn key(&self, value: impl Hash) -> u64 {
        self.keys.hash_one(value)
    }

    /// Takes one request from the key's bucket: `false` when it is empty.
    pub fn allow(&self, key: u64, now: Instant) -> bool {
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if buckets.len() >= MAX_KEYS && !buckets.contains_key(&key) {
            let (burst, per_second) = (self.burst, self.per_second);
            buckets.retain(|_, bucket| {
                let refilled = bucket.tokens
                    + now.saturating_duration_since(bucket.updated).as_secs_f64() * per_second;
                refilled < burst
            });
            if buckets.len() >= MAX_KEYS {
                return false;
            }
        }
        let bucket = buckets.entry(key).or_insert(Bucket {
            tokens: self.burst,
            updated: now,
        });
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.per_second).min(self.burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_burst_is_allowed_then_refused_then_refilled() {
        let limiter = RateLimiter::new(3, 1.0);
        let start = Instant::now();
        let key = limiter.key("token");
        assert!((0..3).all(|_| limiter.allow(key, start)));
        assert!(!limiter.allow(key, start));
        assert!(limiter.allow(limiter.key("other"), start));
        assert!(limiter.allow(key, start + Duration::from_millis(1100)));
        assert!(!limiter.allow(key, start + Duration::from_millis(1100)));
    }

    #[test]
    fn addresses_are_keyed_not_kept() {
        let limiter = RateLimiter::new(1, 0.0);
        let address: IpAddr = [192, 168, 1, 20].into();
        let key = limiter.address_key(address);
        assert_eq!(key, limiter.address_key(address));
        assert_ne!(key, limiter.address_key([192, 168, 1, 21].into()));
        assert!(limiter.allow(key, Instant::now()));
        assert!(!limiter.allow(key, Instant::now()));
    }
}
