//! Any bytes as a case file: the loader returns the case or located diagnostics, never
//! panics, and every diagnostic names the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use spotcheck::input::load::parse_typed;
use spotcheck::input::model::Case;

fuzz_target!(|data: &[u8]| {
    if let Err(diagnostics) = parse_typed::<Case>("cases/fuzz.yaml", data) {
        assert!(!diagnostics.is_empty());
        for d in &diagnostics {
            assert_eq!(d.file, "cases/fuzz.yaml");
            assert!(!d.message.to_string().is_empty());
        }
    }
});
