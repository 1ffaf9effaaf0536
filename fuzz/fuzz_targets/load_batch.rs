//! Any bytes as batch.yaml: typed or refused with located diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spotcheck::input::load::parse_typed;
use spotcheck::input::model::Batch;

fuzz_target!(|data: &[u8]| {
    if let Err(diagnostics) = parse_typed::<Batch>("batch.yaml", data) {
        assert!(!diagnostics.is_empty());
    }
});
