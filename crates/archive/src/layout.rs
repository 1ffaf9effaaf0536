//! Where everything stands in a bag: the tag files' names, the payload's folders, and the
//! exact bytes of spotcheck's bag declaration. Every module of the archive (packing, the rules
//! of BagIt, verify) names files through these, and only through these.

/// The bag declaration (RFC 8493 §2.1.1).
pub const BAGIT_FILE: &str = "bagit.txt";
/// The bag metadata (§2.2.2).
pub const BAG_INFO_FILE: &str = "bag-info.txt";
/// The items to fetch (§2.2.3).
pub const FETCH_FILE: &str = "fetch.txt";
/// The payload manifest spotcheck writes.
pub const MANIFEST_FILE: &str = "manifest-sha256.txt";
/// The tag manifest spotcheck writes, and signs.
pub const TAGMANIFEST_FILE: &str = "tagmanifest-sha256.txt";
/// The detached minisign signature of the tag manifest: a tag file listed in no manifest.
pub const SIGNATURE_FILE: &str = "tagmanifest-sha256.txt.minisig";

/// The README tag file: what the archive is, what is signed, how to check it without
/// spotcheck. Listed in the tag manifest, hence signed.
pub const README_FILE: &str = "说明.txt";

/// The exact bytes of the bagit.txt spotcheck writes.
pub const BAGIT_DECLARATION: &str = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

/// The payload directory, as a prefix of paths in the bag.
pub const PAYLOAD_PREFIX: &str = "data/";
/// The batch folder as given: batch.yaml, the case files, the attached annexes.
pub const SOURCE_DIR: &str = "data/source";
/// The evidence the cases list.
pub const EVIDENCE_DIR: &str = "data/evidence";
/// Every rendered PDF, by its path under the output folder.
pub const DOCUMENTS_DIR: &str = "data/documents";
/// The bound volume, or its parts.
pub const BAG_VOLUME_DIR: &str = "data/volume";
/// The 归档文件目录 (catalogue of every document), as PDF and xlsx.
pub const CATALOGUE_DIR: &str = "data/catalogue";
/// The summary spreadsheets.
pub const TABLES_DIR: &str = "data/tables";
/// What marks a bag as spotcheck's own: its batch file.
pub const OWN_MARKER: &str = "data/source/batch.yaml";
