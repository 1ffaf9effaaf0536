//! The typed batch: `batch.yaml` (the notice) and one case file per sample lot.
//!
//! Field names follow `examples/case.yaml`. Almost every section is optional: a case fills in
//! over time (visit, then inspection, then delivery...), and `check` decides which stage needs
//! what. Doc comments become the descriptions of the JSON Schema (`spotcheck schema`); each
//! starts with the Chinese label printed on the forms.

mod batch;
mod case;
mod paths;

pub use super::money::Money;
pub use batch::*;
pub use case::*;
pub use paths::*;
#[cfg(test)]
mod tests {
    use super::Outcome;

    #[test]
    fn an_outcome_s_key_is_what_a_case_file_writes() {
        for o in [Outcome::Sampled, Outcome::Refused, Outcome::NotSampled] {
            assert_eq!(serde_json::to_value(o).unwrap(), o.key());
        }
    }
}
