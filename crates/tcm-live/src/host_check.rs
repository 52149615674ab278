//! The Host header must name the address the session listens on: a page from another site
//! that resolves its own name to this machine (DNS rebinding) is refused.

use std::net::SocketAddr;

/// The Host values accepted for a server bound to `address`.
pub fn accepted_hosts(address: SocketAddr) -> Vec<String> {
    let host = match address {
        SocketAddr::V4(v4) => v4.ip().to_string(),
        SocketAddr::V6(v6) => format!("[{}]", v6.ip()),
    };
    let mut hosts = vec![format!("{host}:{}", address.port())];
    if address.port() == 80 {
        hosts.push(host);
    }
    hosts
}

/// Whether a request's Host header is one of `accepted` (ASCII case-insensitive).
pub fn host_allowed(host: Option<&str>, accepted: &[String]) -> bool {
    host.is_some_and(|host| {
        accepted
            .iter()
            .any(|one| one.eq_ignore_ascii_case(host.trim()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_bound_address_is_accepted() {
        let accepted = accepted_hosts("192.168.1.10:8080".parse().expect("address"));
        assert!(host_allowed(Some("192.168.1.10:8080"), &accepted));
        assert!(!host_allowed(Some("192.168.1.10"), &accepted));
        assert!(!host_allowed(Some("evil.example:8080"), &accepted));
        assert!(!host_allowed(Some("localhost:8080"), &accepted));
        assert!(!host_allowed(None, &accepted));
    }

    #[test]
    fn port_80_may_be_left_out_and_ipv6_is_bracketed() {
        let accepted = accepted_hosts("10.0.0.2:80".parse().expect("address"));
        assert!(host_allowed(Some("10.0.0.2"), &accepted));
        let accepted = accepted_hosts("[::1]:9000".parse().expect("address"));
        assert!(host_allowed(Some("[::1]:9000"), &accepted));
    }
}
