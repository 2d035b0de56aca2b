//! Account settings: flexible variants and the browser TTL.

use super::{Store, StoreError};
use crate::model::AccountSettings;

impl Store {
    pub fn settings(&self, account_id: &str) -> AccountSettings {
        let mut inner = self.lock();
        inner
            .account(account_id, self.persist.as_ref())
            .settings
            .clone()
    }

    /// Changes the settings (written through first, so a failed write changes nothing) and
    /// returns them as they now are.
    pub fn change_settings(
        &self,
        account_id: &str,
        change: impl FnOnce(&mut AccountSettings),
    ) -> Result<AccountSettings, StoreError> {
        let mut inner = self.lock();
        let acct = inner.account(account_id, self.persist.as_ref());
        let mut settings = acct.settings.clone();
        change(&mut settings);
        if let Some(p) = &self.persist {
            p.write_settings(account_id, &settings)?;
        }
        acct.settings = settings.clone();
        Ok(settings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACC: &str = "023e105f4ecef8ad9ca31a8372d0c353";

    #[test]
    fn settings_survive_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(Some(dir.path().to_path_buf())).unwrap();
        assert_eq!(store.settings(ACC), AccountSettings::default());
        store
            .change_settings(ACC, |s| {
                s.flexible_variants = true;
                s.browser_ttl = 3_600;
            })
            .unwrap();
        drop(store);
        let again = Store::open(Some(dir.path().to_path_buf())).unwrap();
        let settings = again.settings(ACC);
        assert!(settings.flexible_variants);
        assert_eq!(settings.browser_ttl, 3_600);
    }
}
