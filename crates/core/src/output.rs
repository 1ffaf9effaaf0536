//! Writing outputs atomically: a temporary file in the target folder, then a rename, so that an
//! interrupted run never leaves a half-written file where a good one stood.
//!
//! A killed process cannot leave a partial file under the final name, whether or not the data
//! reached the disk: the rename happens after the last byte is written. The documents are not
//! flushed to the disk one by one (that was an eighth of the rendering time, for files that
//! can be made again from the batch folder); the archive, which is what is kept, is flushed
//! before its rename (`archive::write_bag`).

use std::io::Write;
use std::path::Path;

/// Leftovers of a run killed while writing start with this and end with [`TEMP_SUFFIX`].
pub(crate) const TEMP_PREFIX: &str = ".spotcheck-";
pub(crate) const TEMP_SUFFIX: &str = ".tmp";

/// The temporary file beside `path` that becomes `path` when persisted; readable by others as
/// an ordinary new file would be (tempfile's default is owner-only).
pub fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    builder.tempfile_in(dir)
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Puts the file `from` at `to` under a second name, atomically: a hard link beside `to` (a
/// copy where links cannot be made) renamed over it.
pub fn link_atomic(from: &Path, to: &Path) -> std::io::Result<()> {
    let dir = to.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .make_in(dir, |p| {
            std::fs::hard_link(from, p).or_else(|_| std::fs::copy(from, p).map(drop))
        })?;
    tmp.persist(to).map_err(|e| e.error)?;
    Ok(())
}

/// Removes the temporary files a killed run left in `dir` and its subfolders.
pub fn remove_leftovers(dir: &Path) {
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
    {
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_file()
            && name.starts_with(TEMP_PREFIX)
            && name.ends_with(TEMP_SUFFIX)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Like [`write_atomic`], but never replaces an existing file: fails with
/// `ErrorKind::AlreadyExists` instead.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes)?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

/// Replaces the file at `path` with `bytes` as an edit of it: the new content written beside
/// it with the old file's permissions, flushed to the disk, then renamed over it, and the
/// folder flushed, so that a crash leaves the old file or the new one, never a short one, and
/// a case file made private stays private. `still_ours` is asked last, just before the rename
/// (the file may have been edited meanwhile): when it says no, nothing is replaced and
/// `Ok(false)` is returned.
pub fn replace_file(
    path: &Path,
    bytes: &[u8],
    still_ours: impl FnOnce() -> bool,
) -> std::io::Result<bool> {
    let mut tmp = temp_beside(path)?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if !still_ours() {
        return Ok(false);
    }
    tmp.persist(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        std::fs::File::open(dir.unwrap_or(Path::new(".")))?.sync_all()?;
    }
    Ok(true)
}
