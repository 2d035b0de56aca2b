//! Batch tokens: the short-lived credentials of the batch host, each tied to an account.

use std::time::Duration;

use jiff::Timestamp;

use super::{Store, StoreError};

impl Store {
    /// A new token for `account_id`, valid for `ttl` from `now`, and when it expires.
    pub fn new_batch_token(
        &self,
        account_id: &str,
        ttl: Duration,
        now: Timestamp,
    ) -> (String, Timestamp) {
        use base64::Engine as _;
        let mut inner = self.lock();
        let mut bytes = [0u8; 32];
        inner.rng.fill(&mut bytes);
        let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        let ttl =
            jiff::SignedDuration::try_from(ttl).unwrap_or(jiff::SignedDuration::from_hours(1));
        let expires = now.checked_add(ttl).unwrap_or(now);
        inner.batch_tokens.retain(|_, (_, e)| *e > now);
        inner
            .batch_tokens
            .insert(token.clone(), (account_id.to_string(), expires));
        (token, expires)
    }

    /// The account a batch token acts for.
    pub fn batch_account(&self, token: &str, now: Timestamp) -> Result<String, StoreError> {
        let inner = self.lock();
        match inner.batch_tokens.get(token) {
            None => Err(StoreError::UnknownBatchToken),
            Some((_, e)) if *e <= now => Err(StoreError::ExpiredBatchToken),
            Some((a, _)) => Ok(a.clone()),
        }
    }
}
