//! Any bytes as an archive: verify judges it (valid, invalid or unreadable) without
//! panicking, and an unreadable verdict always says why.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use spotcheck::archive::verify::{VerifyOptions, verify};

fuzz_target!(|data: &[u8]| {
    let mut file = tempfile::Builder::new().suffix(".zip").tempfile().unwrap();
    file.write_all(data).unwrap();
    let opts = VerifyOptions {
        // Keep each input cheap: a hostile archive is refused at these limits.
        max_entries: 10_000,
        max_total_bytes: 64 << 20,
        ..VerifyOptions::default()
    };
    let report = verify(file.path(), &opts);
    // An archive that could not be read says why.
    assert_eq!(report.verdict.exit_code() == 2, report.error.is_some());
});
