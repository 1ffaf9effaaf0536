//! `spotcheck keygen`: a signing key pair, never replacing one, recording who holds it: the
//! lab by its name and accreditation number (`--batch DIR --lab ID`) or `--owner NAME`; the
//! secret key encrypted when a passphrase is given, and said plainly when it is not.

use spotcheck::archive::sign;
use spotcheck::msg;

use super::args::KeygenArgs;
use super::{Exit, Outcome, Ui};

/// The owner a key records: the lab of a batch, by its name and accreditation number, or the
/// name given.
fn owner(args: &KeygenArgs) -> Result<String, Outcome> {
    if let (Some(dir), Some(id)) = (&args.batch, &args.lab) {
        let lb = spotcheck::input::load::read_typed::<spotcheck::input::model::Batch>(
            dir,
            spotcheck::input::load::BATCH_FILE,
        )
        .map_err(|d| Outcome::unusable().error(msg!(NewCaseBatchErrors, findings = d)))?;
        let lab = lb.0.lab(id).ok_or_else(|| {
            let all: Vec<String> = lb.0.labs.iter().map(|l| l.id.clone()).collect();
            Outcome::unusable().error(msg!(KeygenNoLab, lab = id, all = all))
        })?;
        return Ok(match &lab.accreditation {
            Some(a) => format!("{}（资质认定 {a}）", lab.name),
            None => lab.name.clone(),
        });
    }
    match args
        .owner
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
    {
        Some(o) => Ok(o.to_string()),
        None => Err(Outcome::unusable().error(msg!(KeygenNoOwner))),
    }
}

pub fn run(args: KeygenArgs, _ui: Ui) -> Outcome {
    let owner = match owner(&args) {
        Ok(o) => o,
        Err(refused) => return refused,
    };
    if args.x509 {
        let today = spotcheck::clock::bagging_date();
        return match spotcheck::documents::pdfsign::make_self_issued(&args.out, &owner, today) {
            Ok((cert, key)) => Outcome::done()
                .line(msg!(KeygenX509Done, cert = &cert, key = &key))
                .line(msg!(KeygenOwner, owner = &owner))
                .line(msg!(KeygenX509SelfIssued)),
            Err(e) => Outcome::failed().error(msg!(CliError, error = e.0)),
        };
    }
    let passphrase = match sign::passphrase(args.passphrase_file.as_deref()) {
        Ok(p) => p,
        Err(e) => return Outcome::new(Exit::of_key(&e)).error(msg!(CliError, error = e.message())),
    };
    match sign::keygen_with(&args.out, Some(&owner), passphrase.as_deref()) {
        Ok(k) => Outcome::done()
            .line(msg!(KeygenDone, id = &k.key_id))
            .line(msg!(KeygenSecret, path = &k.secret))
            .line(msg!(KeygenPublic, path = &k.public))
            .line(msg!(KeygenOwner, owner = &owner))
            .line(if passphrase.is_some() {
                msg!(KeygenEncrypted)
            } else {
                msg!(KeygenUnencrypted)
            }),
        Err(e) => Outcome::new(Exit::of_key(&e)).error(msg!(CliError, error = e.message())),
    }
}
