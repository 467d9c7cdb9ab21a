//! The care micro-app.
