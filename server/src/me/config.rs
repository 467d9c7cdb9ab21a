//! The operator's numbers for "Me". Fixed for a running server (no test changes them while
//! serving); a test that needs others sets them on its `Config` before starting.

use care_contract::me::DEFAULT_MAX_FAMILY_CONTACTS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeConfig {
    /// Family contacts a subscriber may keep.
    pub max_family_contacts: u32,
}

impl Default for MeConfig {
    fn default() -> Self {
        Self {
            max_family_contacts: DEFAULT_MAX_FAMILY_CONTACTS,
        }
    }
}
