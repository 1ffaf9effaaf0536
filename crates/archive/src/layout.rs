//! Where everything stands in a bag: the tag files' names, the payload's folders, and the
//! exact bytes of spotcheck's bag declaration. Every module of the archive (packing, the rules
//! of BagIt, verify) names files through these, and only through these.

/// The bag declaration (RFC 8493 §2.1.1).
pub(crate) const BAGIT_FILE: &str = "bagit.txt";
/// The bag metadata (§2.2.2).
pub(crate) const BAG_INFO_FILE: &str = "bag-info.txt";
/// The items to fetch (§2.2.3).
pub(crate) const FETCH_FILE: &str = "fetch.txt";
/// The payload manifest spotcheck writes.
pub(crate) const MANIFEST_FILE: &str = "manifest-sha256.txt";
/// The tag manifest spotcheck writes, and signs.
pub(crate) const TAGMANIFEST_FILE: &str = "tagmanifest-sha256.txt";
/// The detached minisign signature of the tag manifest: a tag file listed in no manifest.
pub(crate) const SIGNATURE_FILE: &str = "tagmanifest-sha256.txt.minisig";

/// The README tag file: what the archive is, what is signed, how to check it without
/// spotcheck. Listed in the tag manifest, hence signed.
pub(crate) const README_FILE: &str = "说明.txt";

/// The exact bytes of the bagit.txt spotcheck writes.
pub(crate) const BAGIT_DECLARATION: &str =
    "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

/// The payload directory, as a prefix of paths in the bag.
pub(crate) const PAYLOAD_PREFIX: &str = "data/";
/// The batch folder as given: batch.yaml, the case files, the attached annexes.
pub(crate) const SOURCE_DIR: &str = "data/source";
/// The evidence the cases list.
pub(crate) const EVIDENCE_DIR: &str = "data/evidence";
/// Every rendered PDF, by its path under the output folder.
pub(crate) const DOCUMENTS_DIR: &str = "data/documents";
/// The bound volume, or its parts.
pub(crate) const BAG_VOLUME_DIR: &str = "data/volume";
/// The 归档文件目录 (catalogue of every document), as PDF and xlsx.
pub(crate) const CATALOGUE_DIR: &str = "data/catalogue";
/// The summary spreadsheets.
pub(crate) const TABLES_DIR: &str = "data/tables";
/// What marks a bag as spotcheck's own: its batch file.
pub(crate) const OWN_MARKER: &str = "data/source/batch.yaml";
