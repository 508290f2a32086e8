//! Rate limits on the account forms (sign-in, registration, password reset)
//! per client address, so passwords cannot be guessed in bulk and nobody can
//! flood a mailbox with reset links. Limits are per app instance.
use governor::clock::Clock;
use governor::{DefaultKeyedRateLimiter, Quota};
use std::net::IpAddr;
use std::num::NonZeroU32;

#[derive(Debug)]
pub struct FormLimiter(DefaultKeyedRateLimiter<IpAddr>);

impl FormLimiter {
    /// `per_minute` posts a minute, with bursts of up to `burst`.
    pub fn new(per_minute: u32, burst: u32) -> Self {
        let per_minute = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new(burst.max(1)).unwrap_or(NonZeroU32::MIN);
        FormLimiter(DefaultKeyedRateLimiter::keyed(
            Quota::per_minute(per_minute).allow_burst(burst),
        ))
    }

    /// Whether this address may post a form now (and counts the post).
    pub fn allow(&self, ip: IpAddr) -> bool {
        self.check(ip).is_ok()
    }

    /// Ok if this address may post a form now (the post counts), else the
    /// whole seconds until it may (what `Retry-After` says).
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        let ok = self.0.check_key(&ip).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.0.clock().now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        });
        // Forget addresses whose allowance is full again, so the table
        // stays as small as the set of recent posters.
        if self.0.len() > 10_000 {
            self.0.retain_recent();
        }
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bursts_then_refuses_per_address() {
        let l = FormLimiter::new(1, 3);
        let a: IpAddr = [192, 0, 2, 1].into();
        let b: IpAddr = [192, 0, 2, 2].into();
        assert!(l.allow(a) && l.allow(a) && l.allow(a));
        let wait = l.check(a).expect_err("fourth post within the minute refused");
        assert!((1..=60).contains(&wait), "told to wait {wait} s, within the minute");
        assert!(l.allow(b), "another address is not affected");
    }
}
