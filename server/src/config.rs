//! Runtime configuration: command-line flags, each with an environment variable behind it
//! (a flag given on the command line wins over its variable, which wins over the default).

use std::net::SocketAddr;
use std::path::PathBuf;

use care_contract::limits;

use crate::care::CareConfig;
use crate::client_ip::Cidr;
use crate::community::config::{DEFAULT_REPLIES_PER_MINUTE, DEFAULT_THREADS_PER_HOUR};
use crate::community::{CommunityConfig, SharedCommunityConfig};
use crate::feedback::SharedFeedbackConfig;
use crate::mall::{Clock, MallConfig};
use crate::me::MeConfig;
use clap::builder::BoolishValueParser;
use clap::{ArgAction, Parser};

/// The demo code accepted by a demo backend unless `--demo-code` says otherwise.
pub const DEFAULT_DEMO_CODE: &str = "246810";
/// Code requests one client address may make in a rolling hour, across all phones.
pub const DEFAULT_CODES_PER_IP_PER_HOUR: u32 = 20;

/// Everything the server needs to start. Tests build it with [`Config::new`] and adjust
/// fields; the binary builds it from flags with [`Cli`].
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen (only used by the binary; tests bind their own listener).
    pub addr: SocketAddr,
    /// The SQLite file; its parent directory is created.
    pub db_path: PathBuf,
    /// The built app (Trunk's dist/). When it is missing, only /api is served.
    pub static_dir: PathBuf,
    /// Demo mode: seeded subscribers, and the demo code is shown instead of texted.
    pub demo: bool,
    pub demo_code: String,
    /// Test-only fault switch at /api/_test/faults.
    pub enable_faults: bool,
    pub code_ttl_secs: u32,
    /// Seconds between two codes for the same phone.
    pub code_resend_secs: u32,
    pub codes_per_phone_per_hour: u32,
    pub codes_per_ip_per_hour: u32,
    /// Load balancers and proxies whose `X-Forwarded-For` names the client (see
    /// [`crate::client_ip::client_ip`]); empty: the socket peer is the client.
    pub trusted_proxies: Vec<Cidr>,
    /// Adds `Secure` to the session cookie (behind TLS).
    pub secure_cookies: bool,
    /// Outside demo mode, codes are "texted" by appending `phone code` lines here.
    pub sms_outbox: Option<PathBuf>,
    /// The points mall's clock: real time unless a test pins it (clones share it).
    pub clock: Clock,
    /// The operator's points-mall numbers.
    pub mall: MallConfig,
    /// The operator's community numbers (rate limits, edit window, forbidden words,
    /// adoption points), shared by clones so a test can change them while serving.
    pub community: SharedCommunityConfig,
    /// The operator's feedback numbers (service levels, photo limits), shared by clones.
    pub feedback: SharedFeedbackConfig,
    /// The operator's care numbers (the birthday gift, the moments' windows).
    pub care: CareConfig,
    /// The operator's "Me" numbers (family contacts allowed).
    pub me: MeConfig,
}

impl Config {
    /// Defaults for everything, with this database file.
    pub fn new(db_path: impl Into<PathBuf>) -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db_path: db_path.into(),
            static_dir: PathBuf::from("./dist"),
            demo: false,
            demo_code: DEFAULT_DEMO_CODE.to_owned(),
            enable_faults: false,
            code_ttl_secs: limits::CODE_TTL_SECS,
            code_resend_secs: limits::CODE_RESEND_AFTER_SECS,
            codes_per_phone_per_hour: limits::CODES_PER_PHONE_PER_HOUR,
            codes_per_ip_per_hour: DEFAULT_CODES_PER_IP_PER_HOUR,
            trusted_proxies: Vec::new(),
            secure_cookies: false,
            sms_outbox: None,
            clock: Clock::default(),
            mall: MallConfig::default(),
            community: SharedCommunityConfig::default(),
            feedback: SharedFeedbackConfig::default(),
            care: CareConfig::default(),
            me: MeConfig::default(),
        }
    }
}

/// Command-line flags of `care-server`.
#[derive(Debug, Parser)]
#[command(
    name = "care-server",
    version,
    about = "Reference backend for the care app"
)]
pub struct Cli {
    /// Address to listen on; port 0 picks a free port (the bound address is printed).
    #[arg(long, env = "CARE_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// SQLite database file (its directory is created).
    #[arg(long, env = "CARE_DB", default_value = "./data/care.sqlite3")]
    pub db: PathBuf,

    /// Directory of the built app (Trunk's dist/).
    #[arg(long, env = "CARE_STATIC_DIR", default_value = "./dist")]
    pub static_dir: PathBuf,

    /// Demo mode: seed demo subscribers and show the demo code instead of texting codes.
    #[arg(long, env = "CARE_DEMO", action = ArgAction::SetTrue, value_parser = BoolishValueParser::new())]
    pub demo: bool,

    /// The code every demo sign-in accepts.
    #[arg(long, env = "CARE_DEMO_CODE", default_value = DEFAULT_DEMO_CODE)]
    pub demo_code: String,

    /// Enable the test-only fault switch (PUT/DELETE /api/_test/faults).
    #[arg(long, env = "CARE_ENABLE_FAULTS", action = ArgAction::SetTrue, value_parser = BoolishValueParser::new())]
    pub enable_faults: bool,

    /// Seconds a sign-in code stays valid.
    #[arg(long, env = "CARE_CODE_TTL_SECS", default_value_t = limits::CODE_TTL_SECS)]
    pub code_ttl_secs: u32,

    /// Seconds before another code may be requested for the same phone.
    #[arg(long, env = "CARE_CODE_RESEND_SECS", default_value_t = limits::CODE_RESEND_AFTER_SECS)]
    pub code_resend_secs: u32,

    /// Codes per phone in a rolling hour.
    #[arg(long, env = "CARE_CODES_PER_PHONE_PER_HOUR", default_value_t = limits::CODES_PER_PHONE_PER_HOUR)]
    pub codes_per_phone_per_hour: u32,

    /// Code requests per client address in a rolling hour.
    #[arg(long, env = "CARE_CODES_PER_IP_PER_HOUR", default_value_t = DEFAULT_CODES_PER_IP_PER_HOUR)]
    pub codes_per_ip_per_hour: u32,

    /// A load balancer or proxy (IP or CIDR network) whose X-Forwarded-For names the
    /// client. Repeat the flag or separate with commas. Default: none, the socket peer is
    /// the client.
    #[arg(
        long = "trusted-proxy",
        env = "CARE_TRUSTED_PROXIES",
        value_name = "IP_OR_CIDR",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<Cidr>,

    /// Mark the session cookie `Secure` (use behind HTTPS).
    #[arg(long, env = "CARE_SECURE_COOKIES", action = ArgAction::SetTrue, value_parser = BoolishValueParser::new())]
    pub secure_cookies: bool,

    /// Outside demo mode, append `phone code` lines to this file (stands in for an SMS gateway).
    #[arg(long, env = "CARE_SMS_OUTBOX")]
    pub sms_outbox: Option<PathBuf>,

    /// New community threads one member may start in a rolling hour (0: no limit).
    #[arg(long, env = "CARE_THREADS_PER_HOUR", default_value_t = DEFAULT_THREADS_PER_HOUR)]
    pub threads_per_hour: u32,

    /// Community replies one member may post in a rolling minute (0: no limit).
    #[arg(long, env = "CARE_REPLIES_PER_MINUTE", default_value_t = DEFAULT_REPLIES_PER_MINUTE)]
    pub replies_per_minute: u32,

    /// Print the OpenAPI document and exit.
    #[arg(long)]
    pub print_openapi: bool,

    /// Family contacts (亲情号) a subscriber may keep.
    #[arg(long, env = "CARE_MAX_FAMILY_CONTACTS", default_value_t = care_contract::me::DEFAULT_MAX_FAMILY_CONTACTS)]
    pub max_family_contacts: u32,
}

impl From<Cli> for Config {
    fn from(cli: Cli) -> Self {
        Self {
            addr: cli.addr,
            db_path: cli.db,
            static_dir: cli.static_dir,
            demo: cli.demo,
            demo_code: cli.demo_code,
            enable_faults: cli.enable_faults,
            code_ttl_secs: cli.code_ttl_secs,
            code_resend_secs: cli.code_resend_secs,
            codes_per_phone_per_hour: cli.codes_per_phone_per_hour,
            codes_per_ip_per_hour: cli.codes_per_ip_per_hour,
            trusted_proxies: cli.trusted_proxies,
            secure_cookies: cli.secure_cookies,
            sms_outbox: cli.sms_outbox,
            clock: Clock::default(),
            mall: MallConfig::default(),
            community: SharedCommunityConfig::new(CommunityConfig {
                threads_per_hour: cli.threads_per_hour,
                replies_per_minute: cli.replies_per_minute,
                ..CommunityConfig::default()
            }),
            feedback: SharedFeedbackConfig::default(),
            care: CareConfig::default(),
            me: MeConfig {
                max_family_contacts: cli.max_family_contacts,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_with_defaults() {
        let cli = Cli::try_parse_from(["care-server", "--addr", "127.0.0.1:0", "--demo"]).unwrap();
        assert_eq!(cli.addr.port(), 0);
        assert!(cli.demo);
        assert_eq!(cli.code_ttl_secs, limits::CODE_TTL_SECS);
        let config = Config::from(cli);
        assert_eq!(config.demo_code, DEFAULT_DEMO_CODE);
        assert!(config.trusted_proxies.is_empty());
        assert_eq!(config.community.get(), CommunityConfig::default());
    }

    #[test]
    fn the_community_rate_limits_are_flags() {
        let cli = Cli::try_parse_from([
            "care-server",
            "--threads-per-hour",
            "0",
            "--replies-per-minute",
            "12",
        ])
        .unwrap();
        let community = Config::from(cli).community.get();
        assert_eq!(
            (community.threads_per_hour, community.replies_per_minute),
            (0, 12)
        );
        assert_eq!(community.edit_window_minutes, 30);
    }

    #[test]
    fn trusted_proxies_repeat_or_split_on_commas() {
        let cli = Cli::try_parse_from([
            "care-server",
            "--trusted-proxy",
            "10.0.0.0/8,192.168.1.5",
            "--trusted-proxy",
            "fd00::/8",
        ])
        .unwrap();
        let listed: Vec<String> = cli.trusted_proxies.iter().map(|c| c.to_string()).collect();
        assert_eq!(listed, ["10.0.0.0/8", "192.168.1.5/32", "fd00::/8"]);
        assert!(Cli::try_parse_from(["care-server", "--trusted-proxy", "10.0.0.0/40"]).is_err());
    }
}
