//! `spotcheck export`: the lab's ledger (台账) as a workbook.

use spotcheck::app::ledger;
use spotcheck::msg;
use spotcheck::output::write_atomic;

use super::args::ExportArgs;
use super::{Outcome, Ui};

pub fn run(args: ExportArgs, ui: Ui) -> Outcome {
    let lb = match super::load_batch(ui, &args.batch) {
        Ok(lb) => lb,
        Err(refused) => return refused,
    };
    let bytes = match ledger::ledger_workbook(&lb) {
        Ok(b) => b,
        Err(e) => {
            return Outcome::failed().error(msg!(
                ExportWrite,
                path = &args.ledger,
                error = e.to_string()
            ));
        }
    };
    match write_atomic(&args.ledger, &bytes) {
        Ok(()) => Outcome::done().line(msg!(
            ExportDone,
            path = &args.ledger,
            cases = lb.cases.len()
        )),
        Err(e) => Outcome::failed().error(msg!(
            ExportWrite,
            path = &args.ledger,
            error = e.to_string()
        )),
    }
}
