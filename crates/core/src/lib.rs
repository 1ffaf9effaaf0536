//! What every stage of spotcheck shares: the messages a user reads ([`messages`], one catalog
//! in two languages), the located finding and the registry of rules ([`diag`]), atomic writes
//! ([`output`]), text helpers ([`text`]), the day of the run ([`clock`]) and the progress of a
//! long run ([`progress`]).

pub mod clock;
pub mod diag;
pub mod messages;
pub mod output;
pub mod progress;
pub mod text;
