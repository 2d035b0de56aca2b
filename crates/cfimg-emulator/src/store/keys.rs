//! Signing keys: the secrets that signed delivery URLs are made with.

use super::{Store, StoreError};
use crate::model::SigningKey;

impl Store {
    /// The account's signing keys.
    pub fn keys(&self, account_id: &str) -> Vec<SigningKey> {
        let mut inner = self.lock();
        inner
            .account(account_id, self.persist.as_ref())
            .keys
            .clone()
    }

    /// Every signing key value of every account, so tests can check none is ever printed.
    pub fn all_key_values(&self) -> Vec<String> {
        let inner = self.lock();
        inner
            .accounts
            .values()
            .flat_map(|a| a.keys.iter().map(|k| k.value.clone()))
            .collect()
    }

    /// Creates the key, or gives an existing one a new value (rotation).
    pub fn put_key(&self, account_id: &str, name: &str) -> Result<Vec<SigningKey>, StoreError> {
        self.change_keys(account_id, |keys| {
            let fresh = SigningKey::generate(name);
            match keys.iter_mut().find(|k| k.name == name) {
                Some(k) => *k = fresh,
                None => keys.push(fresh),
            }
            Ok(())
        })
    }

    /// Deletes a key; when the last one goes, a new `default` is generated, as the API reference
    /// says ("When last key is removed, a new default signing key will be generated",
    /// <https://developers.cloudflare.com/api/resources/images/subresources/v1/subresources/keys/>).
    /// A third party saw the API refuse instead; that is unconfirmed.
    pub fn delete_key(&self, account_id: &str, name: &str) -> Result<Vec<SigningKey>, StoreError> {
        self.change_keys(account_id, |keys| {
            let before = keys.len();
            keys.retain(|k| k.name != name);
            if keys.len() == before {
                return Err(StoreError::KeyNotFound(name.to_string()));
            }
            if keys.is_empty() {
                keys.push(SigningKey::generate("default"));
            }
            Ok(())
        })
    }

    fn change_keys(
        &self,
        account_id: &str,
        f: impl FnOnce(&mut Vec<SigningKey>) -> Result<(), StoreError>,
    ) -> Result<Vec<SigningKey>, StoreError> {
        let mut inner = self.lock();
        let acct = inner.account(account_id, self.persist.as_ref());
        let mut keys = acct.keys.clone();
        f(&mut keys)?;
        if let Some(p) = &self.persist {
            p.write_keys(account_id, &keys)?;
        }
        acct.keys = keys.clone();
        Ok(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACC: &str = "023e105f4ecef8ad9ca31a8372d0c353";

    #[test]
    fn last_key_deleted_regenerates_default() {
        let store = Store::open(None).unwrap();
        let keys = store.delete_key(ACC, "default").unwrap();
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].name, "default");
        assert!(matches!(
            store.delete_key(ACC, "nope"),
            Err(StoreError::KeyNotFound(name)) if name == "nope"
        ));
    }
}
