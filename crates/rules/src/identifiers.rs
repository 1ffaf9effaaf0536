//! Identifiers: 统一社会信用代码 (GB 32100-2015), phone numbers, postcodes, document numbers,
//! and the evidence files of a visit. The checks of one value are functions of their own, for
//! `spotcheck credit-code`, `new-case` and the tests.

use std::path::Path;

use super::checker::Checker;
use spotcheck_core::diag::Rule;
use spotcheck_core::messages::Msg;
use spotcheck_core::msg;
use spotcheck_input::codes::{credit_code_problem, valid_phone, valid_postcode};
use spotcheck_input::evidence::is_media;
use spotcheck_input::load::LoadedCase;

/// What is wrong with an evidence path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EvidenceProblem {
    /// The path itself is not allowed (`evidence.path`).
    Path(Msg),
    /// Nothing usable at that path (`evidence.file`).
    File(Msg),
}

/// Checks one evidence path, relative to the batch folder `root`.
pub(crate) fn evidence_problem(root: &Path, rel: &str) -> Option<EvidenceProblem> {
    let bytes = rel.as_bytes();
    if rel.trim().is_empty() {
        return Some(EvidenceProblem::Path(Msg::EvidenceEmpty));
    }
    let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    if rel.starts_with(['/', '\\']) || drive || Path::new(rel).is_absolute() {
        return Some(EvidenceProblem::Path(Msg::EvidenceAbsolute));
    }
    if rel.split(['/', '\\']).any(|part| part == "..") {
        return Some(EvidenceProblem::Path(Msg::EvidenceDotDot));
    }
    let full = root.join(rel);
    let Ok(meta) = std::fs::metadata(&full) else {
        return Some(EvidenceProblem::File(Msg::EvidenceMissing));
    };
    match (root.canonicalize(), full.canonicalize()) {
        (Ok(r), Ok(f)) if f.starts_with(&r) => {}
        (Ok(_), Ok(_)) => {
            return Some(EvidenceProblem::Path(Msg::EvidenceOutside));
        }
        _ => return Some(EvidenceProblem::File(Msg::EvidenceUnreadable)),
    }
    if !meta.is_file() {
        return Some(EvidenceProblem::File(Msg::EvidenceNotFile));
    }
    None
}

impl Checker<'_> {
    /// The credit codes, phone numbers and postcode of a case.
    pub(super) fn identifiers(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        let mut codes = vec![("party.credit_code", &c.party.credit_code)];
        if let Some(cc) = c.manufacturer.as_ref().and_then(|m| m.credit_code.as_ref()) {
            codes.push(("manufacturer.credit_code", cc));
        }
        for (path, code) in codes {
            if let Some(problem) = credit_code_problem(code) {
                self.at(
                    lc,
                    Rule::PartyCreditCode,
                    path,
                    msg!(CreditCodeInvalid, code = code, problem = problem),
                );
            }
        }
        let phones = [
            ("party.phone", c.party.phone.as_ref()),
            (
                "manufacturer.phone",
                c.manufacturer.as_ref().and_then(|m| m.phone.as_ref()),
            ),
            (
                "signing.witness.phone",
                c.signing
                    .as_ref()
                    .and_then(|s| s.witness.as_ref())
                    .and_then(|w| w.phone.as_ref()),
            ),
        ];
        for (path, phone) in phones {
            if let Some(p) = phone
                && !valid_phone(p)
            {
                self.at(lc, Rule::PartyPhone, path, msg!(ContactPhone, value = p));
            }
        }
        if let Some(p) = &c.party.postcode
            && !valid_postcode(p)
        {
            self.at(
                lc,
                Rule::PartyPostcode,
                "party.postcode",
                msg!(ContactPostcode, value = p),
            );
        }
    }

    /// A photo or video among the evidence, and every evidence path a file inside the batch
    /// folder.
    pub(super) fn evidence(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        if !c.evidence.iter().any(|e| is_media(e)) {
            self.at_or(
                lc,
                Rule::EvidenceNone,
                "evidence",
                "visit",
                msg!(EvidenceNone, id = &c.id),
            );
        }
        for (i, e) in c.evidence.iter().enumerate() {
            let path = format!("evidence[{i}]");
            match evidence_problem(&self.lb.root, e) {
                Some(EvidenceProblem::Path(why)) => self.at(
                    lc,
                    Rule::EvidencePath,
                    &path,
                    msg!(EvidencePath, path = e, why = why, id = &c.id),
                ),
                Some(EvidenceProblem::File(why)) => self.at(
                    lc,
                    Rule::EvidenceFile,
                    &path,
                    msg!(EvidenceFile, path = e, why = why),
                ),
                None => {}
            }
        }
    }
}
