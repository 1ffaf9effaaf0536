//! The rules of BagIt, RFC 8493 (version 1.0), and of the 0.97 draft still common in archives,
//! applied to a bag already read: its files with their sizes and digests, and the bytes of its
//! tag files. Nothing here opens a file or a zip; [`crate::verify`] reads, streaming, and adds
//! what only spotcheck's own archives promise (the signature, the required tag manifest).
//!
//! Every finding names its file and the section of RFC 8493 it rests on. A finding is an error
//! when the bag breaks a MUST (it is then not complete, or not valid, §3) and a warning when it
//! only departs from a SHOULD; warnings never make a bag invalid.

pub mod digest;
mod finding;
mod judge;
mod manifest;
mod tagfile;

pub use digest::nfc;
pub(crate) use digest::{
    Algorithm, Digests, MultiHasher, is_read_tag_file, name_problem, needed_algorithms,
};
pub use finding::{Finding, FindingKind, Severity};
pub(crate) use judge::FileInfo;
pub use judge::{Bag, judge};

use super::layout::PAYLOAD_PREFIX as PAYLOAD_DIR;
pub(crate) use super::layout::{BAG_INFO_FILE, BAGIT_FILE, FETCH_FILE};
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

#[cfg(test)]
mod tests {
    use super::digest::{ManifestKind, manifest_name};
    use super::manifest::*;
    use super::tagfile::*;
    use super::*;

    #[test]
    fn lines_end_in_lf_cr_or_crlf() {
        assert_eq!(
            split_lines("a\nb\r\nc\rd"),
            (vec!["a", "b", "c", "d"], false)
        );
        assert_eq!(split_lines("a\n\n"), (vec!["a", ""], true));
        assert_eq!(split_lines(""), (vec![], true));
    }

    #[test]
    fn paths_decode_by_version() {
        assert_eq!(
            decode_path("data/a%25b%0d%0A", Version::V1_0),
            ("data/a%b\r\n".into(), true)
        );
        assert_eq!(
            decode_path("data/a%20b", Version::V1_0),
            ("data/a%20b".into(), false)
        );
        assert_eq!(
            decode_path("data/a%25b", Version::V0_97),
            ("data/a%25b".into(), true)
        );
    }

    #[test]
    fn manifest_names_and_algorithms() {
        assert_eq!(
            manifest_name("manifest-sha256.txt"),
            Some((ManifestKind::Payload, "sha256"))
        );
        assert_eq!(
            manifest_name("TagManifest-SHA-1.TXT"),
            Some((ManifestKind::Tag, "SHA-1"))
        );
        assert_eq!(manifest_name("data/manifest-md5.txt"), None);
        assert_eq!(
            manifest_name("manifest-.txt"),
            Some((ManifestKind::Payload, ""))
        );
        let algs = needed_algorithms(["manifest-md5.txt", "tagmanifest-SHA-512.txt", "x.txt"]);
        assert_eq!(
            algs.into_iter().collect::<Vec<_>>(),
            vec![Algorithm::Md5, Algorithm::Sha512]
        );
    }

    #[test]
    fn one_pass_computes_every_algorithm() {
        let mut h = MultiHasher::new(&Algorithm::ALL.into_iter().collect());
        h.update(b"ab");
        h.update(b"c");
        let d = h.finalize();
        assert_eq!(
            d.get(Algorithm::Md5),
            Some("900150983cd24fb0d6963f7d28e17f72")
        );
        assert_eq!(
            d.get(Algorithm::Sha1),
            Some("a9993e364706816aba3e25717850c26c9cd0d89d")
        );
        assert_eq!(
            d.get(Algorithm::Sha256),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        assert!(
            d.get(Algorithm::Sha512)
                .unwrap()
                .starts_with("ddaf35a193617aba")
        );
    }
}
