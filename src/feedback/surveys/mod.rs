//! 问卷: surveys the backend defines, answered one question per screen with skip logic,
//! kept on the device and the server until sent; staff see the results as charts.

pub mod api;
mod bar_chart;
pub mod flow;
pub mod list;
mod question;
mod results_page;
mod survey_page;
mod words;

pub use results_page::SurveyResultsPage;
pub use survey_page::SurveyPage;
