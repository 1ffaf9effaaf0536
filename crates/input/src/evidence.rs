//! The evidence files of a visit, by their extension: what counts as photo or video evidence,
//! and how the forms count them (照片, 视频, 文件).

use std::path::Path;

/// Extensions that count as photo or video evidence.
pub(crate) const MEDIA_EXTENSIONS: &[&str] =
    &["jpg", "jpeg", "png", "heic", "mp4", "mov", "avi", "pdf"];

/// Whether a path names a photo or video (by extension, any case).
pub fn is_media(path: &str) -> bool {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| MEDIA_EXTENSIONS.iter().any(|m| e.eq_ignore_ascii_case(m)))
}

/// What an evidence file is, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceKind {
    Photo,
    Video,
    Other,
}

pub fn evidence_kind(path: &str) -> EvidenceKind {
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "jpg" | "jpeg" | "png" | "heic" | "heif" | "gif" | "bmp" | "webp" | "tif" | "tiff" => {
            EvidenceKind::Photo
        }
        "mp4" | "mov" | "avi" | "mkv" | "3gp" | "wmv" | "m4v" | "mpg" | "mpeg" | "webm" => {
            EvidenceKind::Video
        }
        _ => EvidenceKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_by_extension() {
        for ok in [
            "a.jpg", "a.JPEG", "b/c.png", "x.HEIC", "v.mp4", "v.MOV", "v.avi", "s.pdf",
        ] {
            assert!(is_media(ok), "{ok}");
        }
        for bad in ["a.txt", "a.docx", "jpg", "a.jpg.zip", ""] {
            assert!(!is_media(bad), "{bad}");
        }
    }
}
