//! `spotcheck credit-code`: whether a 统一社会信用代码 is valid and, when it is not, the correct
//! check character and the corrected code; exit 0 valid, 1 invalid.

use spotcheck::input::codes;
use spotcheck::input::width::to_half_width;
use spotcheck::msg;

use super::args::CreditCodeArgs;
use super::{Outcome, Ui};

pub fn run(args: CreditCodeArgs, _ui: Ui) -> Outcome {
    let code = args.code.as_str();
    let Some(problem) = codes::credit_code_problem(code) else {
        return Outcome::done().line(msg!(CreditValid, code = code));
    };
    let invalid = Outcome::failed().line(msg!(CreditInvalid, code = code, problem = problem));
    // The code as meant: half-width, upper case; its first 17 characters decide the 18th.
    let meant: Vec<char> = to_half_width(code).trim().to_uppercase().chars().collect();
    if !matches!(meant.len(), 17 | 18) {
        return invalid;
    }
    let head: String = meant[..17].iter().collect();
    let Some(ch) = codes::credit_check_char(&head) else {
        return invalid;
    };
    let fixed = format!("{head}{ch}");
    invalid.line(if meant.get(17) == Some(&ch) {
        msg!(CreditCorrected, fixed = fixed)
    } else {
        msg!(CreditCorrectCheck, ch = ch, fixed = fixed)
    })
}
