//! The option parser in the user's language: the headings of the help (`Usage:`, `Commands:`,
//! `Arguments:`, `Options:`), the help of clap's own `--help`, `--version` and `help`, and
//! clap's errors (unknown argument, missing value, invalid value, missing argument, unknown
//! subcommand …), re-said from the catalog with the context clap gives.
//!
//! The help of each command and option comes from the catalog too ([`command`]), and so does
//! the language, before the arguments are parsed ([`early_lang`]).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};

use spotcheck::messages::{Arg, Lang, Message, Msg};
use spotcheck::msg;

use super::args::{Cli, Command, Refused};
use super::{Outcome, Ui};

/// The arguments (the program's name first) parsed: the command and how to speak to the user;
/// or, when they cannot be used, clap's error in the user's language (exit 2). The help and
/// the version asked for are printed by clap, which exits.
pub fn parse(args: Vec<OsString>) -> Result<(Command, Ui), (Outcome, Ui)> {
    let early = Ui {
        lang: early_lang(&args),
        quiet: false,
    };
    let parsed = command(early.lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => {
            let ui = Ui {
                lang: cli.lang.map_or_else(Lang::from_env, Lang::from),
                quiet: cli.quiet,
            };
            Ok((cli.command, ui))
        }
        Err(e) if is_display(e.kind()) => e.exit(),
        Err(e) => Err((
            Outcome::unusable().error_text(error_text(&e, early.lang)),
            early,
        )),
    }
}

/// The language while the arguments are being parsed: `--lang` if given, else the locale.
pub fn early_lang(args: &[OsString]) -> Lang {
    for (i, a) in args.iter().enumerate() {
        let a = a.to_string_lossy();
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => args.get(i + 1).map(|v| v.to_string_lossy().into_owned()),
            None => None,
        };
        match value.as_deref() {
            Some("en") => return Lang::En,
            Some("zh") => return Lang::Zh,
            _ => {}
        }
    }
    Lang::from_env()
}

/// The command line with its help in `lang`, from the catalog: `help.<command>` for a
/// command, `help.<command>.<option>` or else `help.<option>` for an option; and clap's own
/// words in `lang` too.
pub fn command(lang: Lang) -> clap::Command {
    localize(help_from_catalog(Cli::command(), None, lang), lang)
}

fn help_from_catalog(mut cmd: clap::Command, parent: Option<&str>, lang: Lang) -> clap::Command {
    let name = cmd.get_name().to_string();
    let key = if parent.is_some() {
        name.as_str()
    } else {
        "spotcheck"
    };
    if let Some(m) = Msg::from_id(&format!("help.{key}")) {
        cmd = cmd.about(m.template(lang));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let opt = id.replace('_', "-");
        let m = Msg::from_id(&format!("help.{key}.{opt}"))
            .or_else(|| Msg::from_id(&format!("help.{opt}")));
        if let Some(m) = m {
            cmd = cmd.mut_arg(id, |a| a.help(m.template(lang)));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub, |c| help_from_catalog(c, Some(key), lang));
    }
    cmd
}

/// `cmd`, built, with the help headings, the usage lines and clap's own help texts in `lang`.
fn localize(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    cmd.build();
    localize_built(cmd, lang)
}

fn localize_built(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    if cmd.get_name() == "help" {
        // clap's own `help` command.
        cmd = cmd.about(Msg::CliHelpCommand.template(lang));
    }
    let usage = usage_text(&cmd.render_usage().to_string(), lang);
    let template = help_template(&cmd, lang);
    cmd = cmd.override_usage(usage).help_template(template);
    for (id, text) in [
        ("help", Msg::CliHelpFlag),
        ("version", Msg::CliVersionFlag),
        ("subcommand", Msg::CliHelpCommandArg),
    ] {
        if cmd.get_arguments().any(|a| a.get_id() == id) {
            cmd = cmd.mut_arg(id, |a| a.help(text.template(lang)));
        }
    }
    // The possible values and the default, which clap adds in English, said in `lang`.
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| {
            let mut help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            let shown = !a.is_hide_possible_values_set() && !values.is_empty();
            if shown {
                help.push_str(&msg!(CliValuesNote, values = values).in_lang(lang));
            }
            let default: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            // As clap does: flags have no default worth showing.
            let with_default = !a.is_hide_default_value_set()
                && !default.is_empty()
                && a.get_action().takes_values();
            if with_default {
                help.push_str(&msg!(CliDefaultNote, value = default).in_lang(lang));
            }
            if shown || with_default {
                a.help(help)
                    .hide_possible_values(true)
                    .hide_default_value(true)
            } else {
                a
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |c| localize_built(c, lang));
    }
    cmd
}

/// The usage line as clap renders it, without its `Usage:` heading, with clap's English
/// placeholders in `lang`.
fn usage_text(rendered: &str, lang: Lang) -> String {
    let usage = rendered.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    match lang {
        Lang::En => usage.to_string(),
        Lang::Zh => usage
            .replace("[OPTIONS]", "[选项]")
            .replace("<COMMAND>", "<命令>")
            .replace("[COMMAND]", "[命令]"),
    }
}

/// A help template with the sections the command has, under headings in `lang`.
fn help_template(cmd: &clap::Command, lang: Lang) -> String {
    let heading = |m: Msg| m.template(lang).to_string();
    let mut t = format!(
        "{{about-with-newline}}\n{}{{usage}}",
        heading(Msg::CliUsageHeading)
    );
    if cmd.get_subcommands().any(|c| !c.is_hide_set()) {
        t.push_str(&format!(
            "\n\n{}\n{{subcommands}}",
            heading(Msg::CliCommandsHeading)
        ));
    }
    let shown = |positional: bool| {
        cmd.get_arguments()
            .any(|a| a.is_positional() == positional && !a.is_hide_set())
    };
    if shown(true) {
        t.push_str(&format!(
            "\n\n{}\n{{positionals}}",
            heading(Msg::CliArgumentsHeading)
        ));
    }
    if shown(false) {
        t.push_str(&format!(
            "\n\n{}\n{{options}}",
            heading(Msg::CliOptionsHeading)
        ));
    }
    t.push_str("{after-help}");
    t
}

/// Whether an error of clap is the help or the version asked for, which clap prints itself.
fn is_display(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}

fn text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

fn texts(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

/// What went wrong, from the kind of the error and its context.
fn what(e: &clap::Error) -> Message {
    let arg = text(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(e, ContextKind::InvalidValue).unwrap_or_default();
    match e.kind() {
        ErrorKind::UnknownArgument => msg!(CliUnknownArgument, arg = arg),
        ErrorKind::InvalidSubcommand => msg!(
            CliUnknownCommand,
            name = text(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value.is_empty() => msg!(CliMissingValue, arg = arg),
        ErrorKind::InvalidValue => msg!(CliInvalidValue, arg = arg, value = value),
        ErrorKind::ValueValidation => {
            let reason: Arg = match std::error::Error::source(e) {
                // The value parsers of spotcheck give a message of the catalog; the standard
                // library's number parser gives English.
                Some(s) if s.is::<std::num::ParseIntError>() => Msg::CliNotANumber.into(),
                Some(s) => match s.downcast_ref::<Refused>() {
                    Some(Refused(m)) => m.clone().into(),
                    None => s.to_string().into(),
                },
                None => Msg::CliNoReason.into(),
            };
            msg!(CliValueRefused, arg = arg, value = value, reason = reason)
        }
        ErrorKind::MissingRequiredArgument => {
            msg!(CliMissingArgument, args = texts(e, ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand => msg!(
            CliMissingCommand,
            name = text(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::ArgumentConflict => match text(e, ContextKind::PriorArg) {
            Some(prior) if prior != arg => msg!(CliConflict, arg = arg, other = prior),
            _ => msg!(CliRepeated, arg = arg),
        },
        ErrorKind::TooManyValues => msg!(CliTooManyValues, arg = arg, value = value),
        ErrorKind::InvalidUtf8 => msg!(CliNotUtf8),
        _ => msg!(CliBadArguments),
    }
}

/// clap's error `e` as the user reads it in `lang`: what went wrong, the possible values or
/// a suggestion, the usage line and where to find more, ending with a line break.
fn error_text(e: &clap::Error, lang: Lang) -> String {
    let mut lines = vec![msg!(CliError, error = what(e)).in_lang(lang)];
    let valid = match e.kind() {
        ErrorKind::MissingSubcommand => texts(e, ContextKind::ValidSubcommand),
        _ => texts(e, ContextKind::ValidValue),
    };
    if !valid.is_empty() {
        lines.push(format!(
            "  {}",
            msg!(CliPossible, values = valid).in_lang(lang)
        ));
    }
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        if let Some(s) = text(e, kind) {
            lines.push(format!(
                "  {}",
                msg!(CliDidYouMean, value = s).in_lang(lang)
            ));
        }
    }
    if matches!(
        e.get(ContextKind::TrailingArg),
        Some(ContextValue::Bool(true))
    ) {
        let arg = text(e, ContextKind::InvalidArg).unwrap_or_default();
        lines.push(format!("  {}", msg!(CliTrailing, arg = arg).in_lang(lang)));
    }
    if let Some(usage) = text(e, ContextKind::Usage) {
        lines.push(String::new());
        lines.push(format!(
            "{}{}",
            Msg::CliUsageHeading.template(lang),
            usage_text(&usage, lang)
        ));
    }
    lines.push(String::new());
    lines.push(msg!(CliTryHelp, help = "--help").in_lang(lang));
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
