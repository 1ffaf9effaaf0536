//! The option parser in the user's language: the headings of the help (`Usage:`, `Commands:`,
//! `Arguments:`, `Options:`), the help of clap's own `--help`, `--version` and `help`, and
//! clap's errors (unknown argument, missing value, invalid value, missing argument, unknown
//! subcommand …), re-said from the catalog with the context clap gives.
//!
//! The help of each command and option comes from the catalog too; `main` sets it.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use spotcheck::messages::{Arg, Lang, Message, Msg};
use spotcheck::msg;

/// `cmd`, built, with the help headings, the usage lines and clap's own help texts in `lang`.
pub fn localize(mut cmd: clap::Command, lang: Lang) -> clap::Command {
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
                help.push_str(&msg!(CliValuesNote, values = values).render(lang));
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
                help.push_str(&msg!(CliDefaultNote, value = default).render(lang));
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
pub fn is_display(kind: ErrorKind) -> bool {
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
                // The value parsers of spotcheck speak the user's language already; the
                // standard library's number parser does not.
                Some(s) if s.is::<std::num::ParseIntError>() => Msg::CliNotANumber.into(),
                Some(s) => s.to_string().into(),
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
pub fn error_text(e: &clap::Error, lang: Lang) -> String {
    let mut lines = vec![msg!(CliError, error = what(e)).render(lang)];
    let valid = match e.kind() {
        ErrorKind::MissingSubcommand => texts(e, ContextKind::ValidSubcommand),
        _ => texts(e, ContextKind::ValidValue),
    };
    if !valid.is_empty() {
        lines.push(format!(
            "  {}",
            msg!(CliPossible, values = valid).render(lang)
        ));
    }
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        if let Some(s) = text(e, kind) {
            lines.push(format!("  {}", msg!(CliDidYouMean, value = s).render(lang)));
        }
    }
    if matches!(
        e.get(ContextKind::TrailingArg),
        Some(ContextValue::Bool(true))
    ) {
        let arg = text(e, ContextKind::InvalidArg).unwrap_or_default();
        lines.push(format!("  {}", msg!(CliTrailing, arg = arg).render(lang)));
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
    lines.push(msg!(CliTryHelp, help = "--help").render(lang));
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
