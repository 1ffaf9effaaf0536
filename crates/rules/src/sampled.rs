//! The rules of a sampled lot: quantities, price, seals, payment and signing; then, as far as
//! the lot has got, its report, follow-up, delivery and disposal (their own families).

use super::checker::{Checker, blank};
use spotcheck_core::diag::Rule;
use spotcheck_core::messages::Msg;
use spotcheck_core::msg;
use spotcheck_input::load::LoadedCase;
use spotcheck_input::model::{Payment, Product, Seals, Signing, Verdict};

impl Checker<'_> {
    pub(super) fn sampled(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        self.sampled_sections(lc);
        // Online, a maker's own flagship shop is often the party itself: only a shop on the
        // street is warned of.
        if c.domain == spotcheck_input::model::Domain::Circulation && c.manufacturer.is_none() {
            let m = msg!(ManufacturerMissing, domain = c.domain.label());
            self.at_or(lc, Rule::ManufacturerMissing, "manufacturer", "domain", m);
        }
        if let Some(p) = &c.product {
            self.quantities(lc, p);
            self.price(lc, p);
        }
        if let Some(s) = &c.seals {
            self.seals(lc, s);
        }
        if let Some(pay) = &c.payment {
            self.payment(lc, pay);
        }
        if let Some(sg) = &c.signing {
            self.signing(lc, sg);
        }
        if let Some(i) = &c.inspection {
            self.report(lc, i);
        }
        if c.final_conclusion() == Some(Verdict::Fail) {
            self.followup(lc);
        }
        if let Some(d) = &c.delivery {
            self.delivery(lc, d);
        }
        self.disposal(lc);
    }

    /// A test and a backup quantity, neither 0.
    fn quantities(&mut self, lc: &LoadedCase, p: &Product) {
        for (key, label, qty) in [
            ("test_quantity", Msg::LabelTestSample, p.test_quantity),
            ("backup_quantity", Msg::LabelBackupSample, p.backup_quantity),
        ] {
            let m = match qty {
                None => msg!(SampleQuantityMissing, label = label, key = key),
                Some(0) => msg!(SampleQuantityZero, label = label, key = key),
                Some(_) => continue,
            };
            self.at(lc, Rule::SampleQuantities, &format!("product.{key}"), m);
        }
    }

    /// A unit price above 0, and its basis.
    fn price(&mut self, lc: &LoadedCase, p: &Product) {
        match p.unit_price {
            None => self.at(
                lc,
                Rule::PriceMissing,
                "product.unit_price",
                msg!(PriceMissing),
            ),
            Some(u) if u.fen() <= 0 => self.at(
                lc,
                Rule::PricePositive,
                "product.unit_price",
                msg!(PricePositive, price = u),
            ),
            Some(_) => {}
        }
        if p.price_basis.is_none() {
            self.at(
                lc,
                Rule::PriceBasis,
                "product.price_basis",
                msg!(PriceBasis),
            );
        }
    }

    /// Seal numbers, and who keeps the backup sample where.
    fn seals(&mut self, lc: &LoadedCase, s: &Seals) {
        if s.numbers.iter().all(|n| n.trim().is_empty()) {
            self.at(lc, Rule::SealsNumbers, "seals.numbers", msg!(SealsNumbers));
        }
        if s.backup_kept_at.is_none() {
            self.at(
                lc,
                Rule::SealsBackupPlace,
                "seals.backup_kept_at",
                msg!(SealsKeeper),
            );
        }
        if blank(s.backup_place.as_ref()) {
            self.at(
                lc,
                Rule::SealsBackupPlace,
                "seals.backup_place",
                msg!(SealsPlace),
            );
        }
    }

    /// The total is unit price × test quantity; the party pays nothing.
    fn payment(&mut self, lc: &LoadedCase, pay: &Payment) {
        let p = lc.case.product.as_ref();
        if let (Some(total), Some(unit), Some(qty)) = (
            pay.total,
            p.and_then(|p| p.unit_price),
            p.and_then(|p| p.test_quantity),
        ) && unit.checked_mul(qty) != Some(total)
        {
            let expected = unit.checked_mul(qty).map_or_else(
                || Msg::LabelOverflow.into(),
                spotcheck_core::messages::Arg::from,
            );
            self.at(
                lc,
                Rule::PriceTotal,
                "payment.total",
                msg!(
                    PriceTotal,
                    total = total,
                    unit = unit,
                    qty = qty,
                    expected = expected
                ),
            );
        }
        if let Some(fee) = pay.party_fee
            && fee.fen() != 0
        {
            self.at(
                lc,
                Rule::FeeParty,
                "payment.party_fee",
                msg!(FeeParty, fee = fee),
            );
        }
    }

    /// Signed by the party, or a refusal-to-sign note with a witness.
    fn signing(&mut self, lc: &LoadedCase, sg: &Signing) {
        if sg.party_signed {
            return;
        }
        if blank(sg.refusal_note.as_ref()) {
            self.at(
                lc,
                Rule::SigningMissing,
                "signing.refusal_note",
                msg!(SigningMissing),
            );
        } else if sg.witness.as_ref().is_none_or(|w| w.name.trim().is_empty()) {
            self.at(
                lc,
                Rule::SigningWitness,
                "signing.witness",
                msg!(SigningWitness),
            );
        }
    }
}
