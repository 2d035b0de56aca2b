//! The per-run context: the global options, the environment snapshot, the terminal and stdout,
//! the configuration resolved once, the API client built from it, and, for `--local`, the
//! embedded emulator that client talks to.

use std::time::Duration;

use anyhow::Result;
use cfimg_emulator::RunningEmulator;

use crate::api::{Auth, Client, ClientConfig, Secret};
use crate::cli::GlobalArgs;
use crate::config::{Env, Overrides, Resolved, SettingFlags};
use crate::output::Output;
use crate::ui::Ui;

/// The account `--local` uses when none is configured.
pub const LOCAL_ACCOUNT_ID: &str = "023e105f4ecef8ad9ca31a8372d0c353";

/// What every command gets: the global options, the environment, the terminal and stdout.
pub struct Context {
    pub global: GlobalArgs,
    pub env: Env,
    pub ui: Ui,
    pub out: Output,
    resolved: Option<Resolved>,
    /// The running command's own setting flags (`images url --account-hash`).
    setting_flags: SettingFlags,
    /// The configuration's warnings have been shown (once a run, however often it is resolved).
    warned: bool,
    /// The embedded emulator behind `--local`, alive as long as the command runs.
    local: Option<RunningEmulator>,
}

impl Context {
    pub fn new(global: GlobalArgs, env: Env, ui: Ui, width: Option<u16>) -> Self {
        Context {
            out: Output::new(global.json, global.ndjson, width),
            global,
            env,
            ui,
            resolved: None,
            setting_flags: SettingFlags::default(),
            warned: false,
            local: None,
        }
    }

    pub fn overrides(&self) -> Overrides {
        Overrides {
            config: self.global.config.clone(),
            profile: self.global.profile.clone(),
            profile_flag: None,
            account_id: self.global.account_id.clone(),
            api_url: self.global.api_url.clone(),
            account_hash: self.setting_flags.account_hash.clone(),
            delivery_url: self.setting_flags.delivery_url.clone(),
        }
    }

    /// Add the command's own setting flags to the command line's, as the top layer of their
    /// settings; a configuration resolved before is resolved again with them.
    pub fn set_setting_flags(&mut self, flags: SettingFlags) {
        if flags != self.setting_flags {
            self.setting_flags = flags;
            self.resolved = None;
        }
    }

    /// The resolved configuration, read once; its warnings are shown the first time.
    pub fn config(&mut self) -> Result<&Resolved> {
        if self.resolved.is_none() {
            let resolved = crate::config::resolve(&self.overrides(), &self.env)?;
            if !self.warned {
                for warning in &resolved.warnings {
                    self.ui.warn(warning);
                }
                self.warned = true;
            }
            self.resolved = Some(resolved);
        }
        Ok(self.resolved.as_ref().expect("just set"))
    }

    /// An API client for the resolved account, or for the embedded emulator with `--local`.
    pub fn client(&mut self) -> Result<Client> {
        let (base_url, account_id, auth) = if self.global.local {
            let account_id = self
                .config()?
                .account_id
                .as_ref()
                .map(|s| s.value.clone())
                .unwrap_or_else(|| LOCAL_ACCOUNT_ID.to_string());
            let base_url = self.start_local()?;
            (base_url, account_id, Auth::Token(Secret::new("local")))
        } else {
            let config = self.config()?;
            (
                config.api_url.value.clone(),
                config.require_account_id()?.to_string(),
                config.require_auth()?.clone(),
            )
        };
        self.client_for(base_url, account_id, auth)
    }

    /// A client for explicit settings (`config init` checks a token before it is saved),
    /// with the run's timeout, retries and `-v` log.
    pub fn client_for(&self, base_url: String, account_id: String, auth: Auth) -> Result<Client> {
        let mut client = ClientConfig::new(base_url, account_id, auth);
        client.timeout = Duration::from_secs_f64(self.global.timeout);
        client.retries = self.global.retries;
        client.observer = self.ui.observer();
        client.network = crate::config::network(&self.env)?;
        Ok(Client::new(client)?)
    }

    fn start_local(&mut self) -> Result<String> {
        if let Some(running) = &self.local {
            return Ok(running.base_url());
        }
        let data_dir = crate::config::local_data_dir().ok_or_else(|| {
            crate::error::CliError::new(
                crate::error::Exit::Config,
                "no data directory for --local could be found",
            )
        })?;
        let config = cfimg_emulator::EmulatorConfig {
            data_dir: Some(data_dir.clone()),
            ..cfimg_emulator::EmulatorConfig::default()
        };
        // One --local command at a time per data directory: the next waits (held for the
        // whole command, so every write of the first is there when the second reads).
        let ui = self.ui.clone();
        let waiting = |holder: Option<&cfimg_emulator::DataDirHolder>| {
            let pid = holder
                .map(|h| format!(" (pid {})", h.pid))
                .unwrap_or_default();
            ui.status(&format!(
                "waiting for another cfimg --local command{pid} to finish with the data directory {}",
                data_dir.display()
            ));
        };
        let running = cfimg_emulator::start_waiting(config, ([127, 0, 0, 1], 0).into(), waiting)
            .map_err(crate::commands::emulator::data_dir_served)?;
        let url = running.base_url();
        self.local = Some(running);
        Ok(url)
    }
}
