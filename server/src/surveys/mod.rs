//! Surveys (问卷): the operator's questionnaires, each subscriber's saved and submitted
//! answers, and results for staff. The contract's types and rules (the path through a
//! survey, answer checks, NPS and CSAT) are in `care_contract::surveys`; the surveys
//! themselves in `demo_surveys.json`, loaded on every start ([`seed::load_surveys`]),
//! with demo responses in demo mode.

pub mod routes;
pub mod seed;
pub mod store;
