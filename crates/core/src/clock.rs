//! The day of this run. A bag, a signature and a PDF signature are dated by the moment they
//! are made: the clock's day, or, for a build that must come out byte for byte the same
//! elsewhere or later, the one `SOURCE_DATE_EPOCH` gives (the reproducible-builds convention:
//! seconds since 1970-01-01 UTC).

use chrono::{NaiveDate, NaiveDateTime};

/// The moment a bag is made, in UTC: `SOURCE_DATE_EPOCH`'s when it is set and reads as a
/// number of seconds, else midnight of today (so that two builds of one day are the same).
pub fn bagging_time() -> NaiveDateTime {
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0));
    match epoch {
        Some(t) => t.naive_utc(),
        None => chrono::Utc::now()
            .date_naive()
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default(),
    }
}

/// The day a bag is made (Bagging-Date): [`bagging_time`]'s.
pub fn bagging_date() -> NaiveDate {
    bagging_time().date()
}
