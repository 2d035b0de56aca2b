//! The flags an environment variable can stand in for, named once.
//!
//! Every variable cfimg reads is read one way: from the `Env` snapshot taken at start, never
//! through clap's `env =`. clap would fold a variable into its flag's value, and then
//! `config show` could not say a value came from `$CLOUDFLARE_ACCOUNT_ID`, an explicit
//! `--profile` could not outrank the environment (see the crate's precedence rules), and the
//! many variables with no flag at all (the token, proxies, colour) would still need the
//! snapshot: two ways where one does. This table is what ties a flag to its variable: the code
//! that reads a setting takes the variable's name from it, and `cli::command` writes the same
//! name into the flag's help as `[env: NAME]`.

/// A flag, and the variable that gives its value when the flag is not given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlagVar {
    /// The subcommands the flag belongs to (`images upload`); `[""]` for a global option.
    pub commands: &'static [&'static str],
    /// The flag's clap id: its long name, with `_` for `-`.
    pub flag: &'static str,
    /// The environment variable.
    pub var: &'static str,
}

pub const PROFILE: FlagVar = FlagVar {
    commands: &[""],
    flag: "profile",
    var: "CFIMG_PROFILE",
};

pub const CONFIG: FlagVar = FlagVar {
    commands: &[""],
    flag: "config",
    var: "CFIMG_CONFIG",
};

pub const ACCOUNT_ID: FlagVar = FlagVar {
    commands: &[""],
    flag: "account_id",
    var: "CLOUDFLARE_ACCOUNT_ID",
};

pub const API_URL: FlagVar = FlagVar {
    commands: &[""],
    flag: "api_url",
    var: "CLOUDFLARE_API_BASE_URL",
};

pub const BATCH_URL: FlagVar = FlagVar {
    commands: &[
        "images upload",
        "images delete",
        "images edit",
        "images import",
    ],
    flag: "batch_url",
    var: "CFIMG_BATCH_URL",
};

pub const EMULATOR_TOKEN: FlagVar = FlagVar {
    commands: &["emulator"],
    flag: "token",
    var: "CFIMG_EMULATOR_TOKEN",
};

/// Every flag a variable stands in for.
pub const FLAG_VARS: [FlagVar; 6] = [
    PROFILE,
    CONFIG,
    ACCOUNT_ID,
    API_URL,
    BATCH_URL,
    EMULATOR_TOKEN,
];
