//! The memory allocator of the spotcheck commands and its settings.
//!
//! mimalloc replaces glibc's allocator, which took a fifth of the rendering time under
//! Typst's many small allocations from several threads (docs/PERFORMANCE.md). The binaries
//! declare it as their global allocator and call [`tune`] first thing.

/// The allocator type the binaries declare with `#[global_allocator]`.
pub type Allocator = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's `mi_option_e` (the same index in mimalloc 2 and 3;
/// the Rust bindings do not name it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep freed memory for reuse instead of handing it back to the system (after a second by
/// default).
///
/// Rendering frees and reallocates hundreds of megabytes a second; with purging on, every
/// reuse faulted the pages in again and the kernel zeroed them (a tenth of the profile, and
/// 70,000 page faults for three builds of 119 cases, against 2,300 without). Peak memory
/// grows by a tenth. `MIMALLOC_PURGE_DELAY` in the environment still decides when set.
pub fn tune() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: sets one integer option of the allocator; mimalloc reads it at each purge and
    // the call has no other effect.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_purge_delay_index_names_the_purge_delay_option() {
        // purge_delay defaults to 1,000 ms in mimalloc 3 (10 in mimalloc 2); no neighbouring
        // option has either default, so reading one of them shows the index is right.
        // SAFETY: reads one integer option.
        let v = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert!(
            v == 1000 || v == 10 || std::env::var_os("MIMALLOC_PURGE_DELAY").is_some(),
            "option {} is {v}",
            super::MI_OPTION_PURGE_DELAY
        );
    }
}
