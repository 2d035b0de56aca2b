//! Variants: the account's named sets of delivery options.

use std::collections::BTreeMap;

use super::{Store, StoreError};
use crate::model::{Variant, VariantOptions};

/// Variants an account may have: "you can create up to 100 variants"
/// (<https://developers.cloudflare.com/images/manage-images/create-variants/>).
pub const MAX_VARIANTS: usize = 100;

impl Store {
    /// The account's variants, by name.
    pub fn variants(&self, account_id: &str) -> BTreeMap<String, Variant> {
        let mut inner = self.lock();
        inner
            .account(account_id, self.persist.as_ref())
            .variants
            .clone()
    }

    pub fn variant(&self, account_id: &str, name: &str) -> Result<Variant, StoreError> {
        let mut inner = self.lock();
        inner
            .account(account_id, self.persist.as_ref())
            .variants
            .get(name)
            .cloned()
            .ok_or(StoreError::VariantNotFound)
    }

    pub fn create_variant(&self, account_id: &str, v: Variant) -> Result<Variant, StoreError> {
        self.change_variants(account_id, |vars| {
            if vars.contains_key(&v.id) {
                return Err(StoreError::VariantExists(v.id.clone()));
            }
            if vars.len() >= MAX_VARIANTS {
                return Err(StoreError::TooManyVariants);
            }
            vars.insert(v.id.clone(), v.clone());
            Ok(v)
        })
    }

    pub fn update_variant(
        &self,
        account_id: &str,
        name: &str,
        options: VariantOptions,
        never: Option<bool>,
    ) -> Result<Variant, StoreError> {
        self.change_variants(account_id, |vars| {
            let v = vars.get_mut(name).ok_or(StoreError::VariantNotFound)?;
            v.options = options;
            if let Some(n) = never {
                v.never_require_signed_urls = n;
            }
            Ok(v.clone())
        })
    }

    pub fn delete_variant(&self, account_id: &str, name: &str) -> Result<(), StoreError> {
        self.change_variants(account_id, |vars| {
            vars.remove(name)
                .map(|_| ())
                .ok_or(StoreError::VariantNotFound)
        })
    }

    fn change_variants<T>(
        &self,
        account_id: &str,
        f: impl FnOnce(&mut BTreeMap<String, Variant>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut inner = self.lock();
        let acct = inner.account(account_id, self.persist.as_ref());
        let mut vars = acct.variants.clone();
        let out = f(&mut vars)?;
        if let Some(p) = &self.persist {
            p.write_variants(account_id, &vars)?;
        }
        acct.variants = vars;
        Ok(out)
    }
}
