//! What it takes to make an account match a settings file: each create, update (field by
//! field), rotation and, with `--prune`, delete, in the order `apply` makes them: creates and
//! updates first, deletes last, so a delete never runs before what replaces it exists.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use super::file::{KeyName, SettingsFile, VariantSpec};
use crate::api::config::{AccountConfig, ConfigChange};
use crate::api::variants::{Variant, VariantOptions, VariantUpdate};

/// The variant every account is delivered with by default; `--prune` keeps it unless the file
/// says `prune_public = true` (docs/api-notes.md#delivery-urls).
pub const PUBLIC_VARIANT: &str = "public";

/// An account's settings as the API gave them.
#[derive(Clone, Debug, Default)]
pub struct Current {
    pub variants: Vec<Variant>,
    /// Signing key names (their values are never kept).
    pub keys: Vec<String>,
    /// The account options; a `None` field could not be read (the API may have no `GET` for
    /// them), so a value in the file for it is set on every apply.
    pub options: AccountConfig,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Create,
    Update,
    /// An account option whose current value could not be read: set, maybe to what it is.
    Set,
    /// A signing key given a new value (`--rotate NAME`).
    Rotate,
    Delete,
}

impl Action {
    /// The word for a change to make: `create`, `set`.
    pub fn word(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Set => "set",
            Action::Rotate => "rotate",
            Action::Delete => "delete",
        }
    }

    /// The word for a change made: `created`, `set`.
    pub fn done(self) -> &'static str {
        match self {
            Action::Create => "created",
            Action::Update => "updated",
            Action::Set => "set",
            Action::Rotate => "rotated",
            Action::Delete => "deleted",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Variant,
    Key,
    /// An account option (`[account]` in the file).
    Option,
}

impl Kind {
    pub fn word(self) -> &'static str {
        match self {
            Kind::Variant => "variant",
            Kind::Key => "key",
            Kind::Option => "option",
        }
    }
}

/// One field's value before and after: `old` is `null` for what does not exist yet (or an
/// option whose value is unknown), `new` is `null` for what is deleted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

/// One change, as `plan` shows it and `apply` makes it.
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    pub action: Action,
    pub kind: Kind,
    pub name: String,
    /// The fields that change (all of them for a create or a delete); none for keys.
    pub fields: Vec<FieldChange>,
    #[serde(skip)]
    pub request: Request,
}

/// The request that makes a change.
#[derive(Clone, Debug)]
pub enum Request {
    CreateVariant(Variant),
    UpdateVariant(VariantUpdate),
    DeleteVariant,
    /// Creates a key, or rotates an existing one: the API has one call for both.
    PutKey,
    DeleteKey,
    Config(ConfigChange),
}

/// Something `--prune` would delete but keeps, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Kept {
    pub kind: Kind,
    pub name: String,
    pub reason: &'static str,
}

const KEEP_PUBLIC: &str =
    "--prune deletes the public variant only when the file says prune_public = true";
const KEEP_LAST_KEY: &str =
    "the file names no signing key, and --prune never leaves an account without one";

#[derive(Clone, Debug, Default)]
pub struct Plan {
    pub changes: Vec<Change>,
    pub kept: Vec<Kept>,
}

impl Plan {
    /// The changes known to be needed: all but options set without knowing their value, which
    /// may well be what the file says. `plan --check` fails on these.
    pub fn pending(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| c.action != Action::Set)
            .count()
    }

    /// `1 to create, 2 to update, 1 to delete`: the counts there are, in that order.
    pub fn summary(&self) -> String {
        let count = |action: Action| self.changes.iter().filter(|c| c.action == action).count();
        [
            (Action::Create, "to create"),
            (Action::Update, "to update"),
            (Action::Set, "to set (current value unknown)"),
            (Action::Rotate, "to rotate"),
            (Action::Delete, "to delete"),
        ]
        .into_iter()
        .filter_map(|(action, words)| match count(action) {
            0 => None,
            n => Some(format!("{n} {words}")),
        })
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// `--rotate NAME` must name a key the file names: the file is what the account should have.
pub fn check_rotate(file: &SettingsFile, rotate: &[String]) -> Result<Vec<KeyName>, String> {
    rotate
        .iter()
        .map(|name| {
            file.keys
                .iter()
                .find(|k| k.as_str() == name)
                .cloned()
                .ok_or_else(|| format!("--rotate {name}: the file names no signing key {name:?}"))
        })
        .collect()
}

/// The changes that make `current` match `file`, in the order to make them.
pub fn plan(file: &SettingsFile, current: &Current, prune: bool, rotate: &[KeyName]) -> Plan {
    let mut plan = Plan::default();
    let have: BTreeMap<&str, &Variant> = current
        .variants
        .iter()
        .map(|v| (v.id.as_str(), v))
        .collect();
    let mut updates = Vec::new();
    for (name, spec) in &file.variants {
        match have.get(name.as_str()) {
            None => plan.changes.push(create_variant(name.as_str(), spec)),
            Some(variant) => updates.extend(update_variant(variant, spec)),
        }
    }
    plan.changes.extend(updates);

    let keys: BTreeSet<&str> = current.keys.iter().map(String::as_str).collect();
    let wanted: BTreeSet<&str> = file.keys.iter().map(KeyName::as_str).collect();
    for (action, names) in [
        (
            Action::Create,
            wanted.difference(&keys).copied().collect::<Vec<_>>(),
        ),
        (
            Action::Rotate,
            rotate
                .iter()
                .map(KeyName::as_str)
                .filter(|n| keys.contains(n))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
        ),
    ] {
        plan.changes.extend(names.into_iter().map(|name| Change {
            action,
            kind: Kind::Key,
            name: name.to_string(),
            fields: Vec::new(),
            request: Request::PutKey,
        }));
    }

    plan.changes.extend(option_changes(file, &current.options));

    if prune {
        for variant in have.values() {
            let named = file.variants.keys().any(|n| n.as_str() == variant.id);
            if named {
                continue;
            }
            if variant.id == PUBLIC_VARIANT && !file.prune_public {
                plan.kept.push(Kept {
                    kind: Kind::Variant,
                    name: variant.id.clone(),
                    reason: KEEP_PUBLIC,
                });
            } else {
                plan.changes.push(delete_variant(variant));
            }
        }
        for name in keys.difference(&wanted) {
            if wanted.is_empty() {
                plan.kept.push(Kept {
                    kind: Kind::Key,
                    name: name.to_string(),
                    reason: KEEP_LAST_KEY,
                });
            } else {
                plan.changes.push(Change {
                    action: Action::Delete,
                    kind: Kind::Key,
                    name: name.to_string(),
                    fields: Vec::new(),
                    request: Request::DeleteKey,
                });
            }
        }
    }
    plan
}

/// A variant's fields as the file names them, with the API's values.
fn api_fields(variant: &Variant) -> [(&'static str, Value); 5] {
    [
        ("fit", variant.options.fit.clone().into()),
        ("width", variant.options.width.clone().into()),
        ("height", variant.options.height.clone().into()),
        ("metadata", variant.options.metadata.clone().into()),
        (
            "never_require_signed_urls",
            variant.never_require_signed_urls.into(),
        ),
    ]
}

fn file_fields(spec: &VariantSpec) -> [(&'static str, Value); 5] {
    [
        ("fit", spec.fit.wire().into()),
        ("width", spec.width.get().into()),
        ("height", spec.height.get().into()),
        ("metadata", spec.metadata.wire().into()),
        (
            "never_require_signed_urls",
            spec.never_require_signed_urls.into(),
        ),
    ]
}

/// Equal as the API means them: `200` and `200.0` are the same width.
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn options_of(spec: &VariantSpec) -> VariantOptions {
    VariantOptions {
        fit: spec.fit.wire().to_string(),
        width: spec.width.get().into(),
        height: spec.height.get().into(),
        metadata: spec.metadata.wire().to_string(),
        extra: Default::default(),
    }
}

fn create_variant(name: &str, spec: &VariantSpec) -> Change {
    Change {
        action: Action::Create,
        kind: Kind::Variant,
        name: name.to_string(),
        fields: file_fields(spec)
            .into_iter()
            .map(|(field, new)| FieldChange {
                field,
                old: None,
                new: Some(new),
            })
            .collect(),
        request: Request::CreateVariant(Variant {
            id: name.to_string(),
            options: options_of(spec),
            never_require_signed_urls: spec.never_require_signed_urls,
            extra: Default::default(),
        }),
    }
}

/// The fields that differ, or nothing when the variant already matches.
fn update_variant(variant: &Variant, spec: &VariantSpec) -> Option<Change> {
    let fields: Vec<FieldChange> = api_fields(variant)
        .into_iter()
        .zip(file_fields(spec))
        .filter(|((_, old), (_, new))| !same(old, new))
        .map(|((field, old), (_, new))| FieldChange {
            field,
            old: Some(old),
            new: Some(new),
        })
        .collect();
    if fields.is_empty() {
        return None;
    }
    // Options the API keeps beside the four (unconfirmed ones, such as a variant's own browser
    // TTL) go back as they came: the PATCH replaces `options` whole.
    let mut options = options_of(spec);
    options.extra = variant.options.extra.clone();
    Some(Change {
        action: Action::Update,
        kind: Kind::Variant,
        name: variant.id.clone(),
        fields,
        request: Request::UpdateVariant(VariantUpdate {
            options,
            never_require_signed_urls: Some(spec.never_require_signed_urls),
        }),
    })
}

fn delete_variant(variant: &Variant) -> Change {
    Change {
        action: Action::Delete,
        kind: Kind::Variant,
        name: variant.id.clone(),
        fields: api_fields(variant)
            .into_iter()
            .map(|(field, old)| FieldChange {
                field,
                old: Some(old),
                new: None,
            })
            .collect(),
        request: Request::DeleteVariant,
    }
}

/// The options the file sets that differ from the account's, or whose value is unknown.
fn option_changes(file: &SettingsFile, current: &AccountConfig) -> Vec<Change> {
    let wanted = [
        (
            "flexible_variants",
            file.account.flexible_variants.map(|on| {
                (
                    Value::from(on),
                    current.flexible_variants.map(Value::from),
                    ConfigChange::FlexibleVariants(on),
                )
            }),
        ),
        (
            "browser_ttl",
            file.account.browser_ttl.map(|ttl| {
                (
                    Value::from(ttl.seconds()),
                    current.browser_ttl.map(Value::from),
                    ConfigChange::BrowserTtl(ttl.seconds()),
                )
            }),
        ),
    ];
    wanted
        .into_iter()
        .filter_map(|(name, change)| {
            let (new, old, request) = change?;
            let action = match &old {
                Some(old) if same(old, &new) => return None,
                Some(_) => Action::Update,
                None => Action::Set,
            };
            Some(Change {
                action,
                kind: Kind::Option,
                name: name.to_string(),
                fields: vec![FieldChange {
                    field: name,
                    old,
                    new: Some(new),
                }],
                request: Request::Config(request),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::file::parse;
    use serde_json::json;

    fn variant(id: &str, fit: &str, width: u32, height: u32) -> Variant {
        serde_json::from_value(json!({
            "id": id,
            "options": {"fit": fit, "width": width, "height": height, "metadata": "none"},
            "neverRequireSignedURLs": false,
        }))
        .unwrap()
    }

    fn account() -> Current {
        Current {
            variants: vec![
                variant("public", "scale-down", 1366, 768),
                variant("hero", "cover", 1200, 600),
                variant("legacy", "pad", 10, 10),
            ],
            keys: vec!["default".into(), "old".into()],
            options: AccountConfig {
                flexible_variants: Some(false),
                browser_ttl: Some(172_800),
            },
        }
    }

    fn lines(plan: &Plan) -> Vec<String> {
        plan.changes
            .iter()
            .map(|c| {
                let fields: Vec<String> = c
                    .fields
                    .iter()
                    .map(|f| {
                        let show = |v: &Option<Value>| {
                            v.as_ref().map_or("-".to_string(), Value::to_string)
                        };
                        format!("{} {}→{}", f.field, show(&f.old), show(&f.new))
                    })
                    .collect();
                format!(
                    "{:?} {:?} {} [{}]",
                    c.action,
                    c.kind,
                    c.name,
                    fields.join(", ")
                )
            })
            .collect()
    }

    const FILE: &str = r#"
keys = ["default", "backup"]
[account]
flexible_variants = true
browser_ttl = 172800
[variants.public]
fit = "scale-down"
width = 1366
height = 768
[variants.hero]
fit = "cover"
width = 1600
height = 600
metadata = "keep"
[variants.thumb]
fit = "crop"
width = 96
height = 96
never_require_signed_urls = true
"#;

    #[test]
    fn creates_and_updates_come_first_and_updates_name_each_field() {
        let file = parse(FILE).unwrap();
        let plan = plan(&file, &account(), false, &[]);
        assert_eq!(
            lines(&plan),
            [
                r#"Create Variant thumb [fit -→"crop", width -→96, height -→96, metadata -→"none", never_require_signed_urls -→true]"#,
                r#"Update Variant hero [width 1200→1600, metadata "none"→"keep"]"#,
                "Create Key backup []",
                "Update Option flexible_variants [flexible_variants false→true]",
            ]
        );
        assert!(plan.kept.is_empty());
        assert_eq!(plan.pending(), 4);
        assert_eq!(plan.summary(), "2 to create, 2 to update");
    }

    #[test]
    fn prune_deletes_last_and_keeps_public_unless_told() {
        let file = parse(
            "keys = [\"default\"]\n[variants.hero]\nfit = \"cover\"\nwidth = 1200\nheight = 600\n",
        )
        .unwrap();
        let plan = plan(&file, &account(), true, &[]);
        assert_eq!(
            lines(&plan),
            [
                r#"Delete Variant legacy [fit "pad"→-, width 10→-, height 10→-, metadata "none"→-, never_require_signed_urls false→-]"#,
                "Delete Key old []",
            ]
        );
        assert_eq!(
            plan.kept,
            [Kept {
                kind: Kind::Variant,
                name: "public".into(),
                reason: KEEP_PUBLIC
            }]
        );

        let told = parse("prune_public = true\nkeys = [\"default\"]\n").unwrap();
        let names: Vec<String> = super::plan(&told, &account(), true, &[])
            .changes
            .iter()
            .map(|c| c.name.clone())
            .collect();
        assert_eq!(names, ["hero", "legacy", "public", "old"]);
        // Without --prune nothing is deleted, whatever the file says.
        assert!(
            super::plan(&told, &account(), false, &[])
                .changes
                .is_empty()
        );
    }

    #[test]
    fn prune_never_deletes_every_key() {
        let file = parse("").unwrap();
        let plan = plan(&file, &account(), true, &[]);
        assert!(
            plan.changes.iter().all(|c| c.kind != Kind::Key),
            "{:?}",
            lines(&plan)
        );
        let kept: Vec<&str> = plan
            .kept
            .iter()
            .filter(|k| k.kind == Kind::Key)
            .map(|k| k.name.as_str())
            .collect();
        assert_eq!(kept, ["default", "old"]);
    }

    #[test]
    fn keys_are_created_once_and_rotated_only_when_asked() {
        let file = parse("keys = [\"default\", \"old\", \"new\"]\n").unwrap();
        let rotate = check_rotate(&file, &["default".into(), "new".into()]).unwrap();
        let plan = plan(&file, &account(), false, &rotate);
        // `new` is created, not rotated as well: a created key is new already.
        assert_eq!(lines(&plan), ["Create Key new []", "Rotate Key default []"]);
        assert_eq!(
            check_rotate(&file, &["nope".into()]).unwrap_err(),
            "--rotate nope: the file names no signing key \"nope\""
        );
    }

    #[test]
    fn options_whose_value_is_unknown_are_set_and_do_not_count_as_drift() {
        let file = parse("[account]\nflexible_variants = false\nbrowser_ttl = 3600\n").unwrap();
        let mut current = account();
        current.options = AccountConfig::default();
        let plan = plan(&file, &current, false, &[]);
        assert_eq!(
            lines(&plan),
            [
                "Set Option flexible_variants [flexible_variants -→false]",
                "Set Option browser_ttl [browser_ttl -→3600]",
            ]
        );
        assert_eq!(plan.pending(), 0);
        assert_eq!(plan.summary(), "2 to set (current value unknown)");
    }

    #[test]
    fn a_matching_account_needs_nothing() {
        let current = account();
        let file = parse(
            "keys = [\"old\", \"default\"]\n[account]\nbrowser_ttl = 172800\n\
             [variants.public]\nfit = \"scale-down\"\nwidth = 1366\nheight = 768\n\
             [variants.hero]\nfit = \"cover\"\nwidth = 1200\nheight = 600\n\
             [variants.legacy]\nfit = \"pad\"\nwidth = 10\nheight = 10\n",
        )
        .unwrap();
        let plan = plan(&file, &current, true, &[]);
        assert!(plan.changes.is_empty(), "{:?}", lines(&plan));
        assert!(plan.kept.is_empty());
        // A width the API wrote as 1366.0 is the same width.
        let mut floats = current.clone();
        floats.variants[0].options.width = serde_json::Number::from_f64(1366.0).unwrap();
        assert!(super::plan(&file, &floats, true, &[]).changes.is_empty());
    }

    #[test]
    fn updates_keep_the_options_the_api_added() {
        let mut current = account();
        current.variants[1]
            .options
            .extra
            .insert("browser_ttl".into(), json!(600));
        let file = parse("[variants.hero]\nfit = \"cover\"\nwidth = 1\nheight = 600\n").unwrap();
        let plan = plan(&file, &current, false, &[]);
        let Request::UpdateVariant(update) = &plan.changes[0].request else {
            panic!("{:?}", lines(&plan));
        };
        assert_eq!(update.options.extra["browser_ttl"], 600);
        assert_eq!(update.never_require_signed_urls, Some(false));
    }
}
