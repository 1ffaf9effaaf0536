//! The command line: parses arguments and calls the library.

// mimalloc, tuned in main (src/allocator.rs).
#[global_allocator]
static GLOBAL: spotcheck::allocator::Allocator = mimalloc::MiMalloc;

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use spotcheck::archive::verify::{VerifyOptions, verify};
use spotcheck::build::{BuildError, BuildOptions};
use spotcheck::documents::engine::{Engine, PdfSettings, parse_pdf_standard};
use spotcheck::documents::fonts::{FontOptions, Style};
use spotcheck::documents::render::{RenderError, RenderOptions};
use spotcheck::messages::{Lang, Message, Msg};
use spotcheck::{
    archive::sign, documents::kinds, documents::watch, input::load, input::model, input::scaffold,
    msg, rules, rules::status,
};

#[derive(Parser)]
#[command(name = "spotcheck", version)]
struct Cli {
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

/// What every command needs to speak to its user.
#[derive(Clone, Copy)]
struct Ui {
    lang: Lang,
    quiet: bool,
}

impl Ui {
    /// A message in the user's language.
    fn t(&self, m: &Message) -> String {
        m.render(self.lang)
    }

    /// An error for stderr: always shown.
    fn error(&self, m: &Message) {
        eprintln!("{}", self.t(m));
    }

    /// A note for stderr, left out with --quiet.
    fn note(&self, m: &Message) {
        if !self.quiet {
            eprintln!("{}", self.t(m));
        }
    }
}

#[derive(clap::Args, Clone)]
struct FontArgs {
    #[arg(long = "font-path", value_name = "DIR")]
    font_path: Vec<PathBuf>,
    #[arg(long)]
    no_system_fonts: bool,
}

impl FontArgs {
    fn options(&self) -> FontOptions {
        FontOptions {
            font_paths: self.font_path.clone(),
            system_fonts: !self.no_system_fonts,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    Render {
        batch: PathBuf,
        #[arg(short, long, value_name = "OUT")]
        out: PathBuf,
        #[arg(long = "case", value_name = "ID")]
        cases: Vec<String>,
        #[arg(long = "kind", value_name = "KIND")]
        kinds: Vec<String>,
        #[arg(long)]
        emit_typst: bool,
        #[arg(long)]
        draft: bool,
        #[arg(long)]
        allow_errors: bool,
        #[arg(long = "pdf-standard", value_name = "STD")]
        pdf_standard: Vec<String>,
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    Watch {
        batch: PathBuf,
        #[arg(short, long, value_name = "OUT")]
        out: PathBuf,
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        #[arg(long)]
        draft: bool,
        #[arg(long, value_name = "N", hide = true)]
        max_rounds: Option<usize>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    Check {
        batch: PathBuf,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    Status {
        batch: PathBuf,
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<NaiveDate>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    Build {
        batch: PathBuf,
        #[arg(short, long, value_name = "OUT")]
        out: PathBuf,
        #[arg(long, value_name = "KEY")]
        sign: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        #[arg(long = "pdf-standard", value_name = "STD")]
        pdf_standard: Vec<String>,
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    Verify {
        archive: PathBuf,
        #[arg(long, value_name = "PUB")]
        pubkey: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    Keygen {
        #[arg(short, long, value_name = "DIR", default_value = ".")]
        out: PathBuf,
    },
    Schema {
        #[arg(value_enum)]
        which: Option<SchemaKind>,
    },
    Init {
        dir: PathBuf,
    },
    NewCase {
        batch: PathBuf,
        #[arg(long, value_name = "CATEGORY")]
        category: String,
        #[arg(long, value_enum, default_value_t = OutcomeArg::Sampled)]
        outcome: OutcomeArg,
        #[arg(long, value_name = "PREFIX")]
        prefix: Option<String>,
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        date: Option<NaiveDate>,
        #[arg(long, value_enum, default_value_t = DomainArg::Circulation)]
        domain: DomainArg,
    },
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    Man {
        #[arg(short, long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    Kinds,
    CreditCode {
        code: String,
    },
    Fonts {
        #[command(flatten)]
        fonts: FontArgs,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutcomeArg {
    Sampled,
    Refused,
    NotSampled,
}

impl From<OutcomeArg> for model::Outcome {
    fn from(o: OutcomeArg) -> Self {
        match o {
            OutcomeArg::Sampled => model::Outcome::Sampled,
            OutcomeArg::Refused => model::Outcome::Refused,
            OutcomeArg::NotSampled => model::Outcome::NotSampled,
        }
    }
}

/// 生产 or 流通, as written in the case file (production, circulation accepted too).
#[derive(Clone, Copy, ValueEnum)]
enum DomainArg {
    #[value(name = "生产", alias = "production")]
    Production,
    #[value(name = "流通", alias = "circulation")]
    Circulation,
}

impl From<DomainArg> for model::Domain {
    fn from(d: DomainArg) -> Self {
        match d {
            DomainArg::Production => model::Domain::Production,
            DomainArg::Circulation => model::Domain::Circulation,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaKind {
    Batch,
    Case,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    // `human` is accepted too.
    #[value(alias = "human")]
    Text,
    Json,
}

/// The PDF standards of `--pdf-standard` (PDF/A-2u when none is given), or the error and exit
/// code 2 for an unknown standard or a combination that cannot hold together.
fn pdf_settings(ui: Ui, given: &[String]) -> Result<PdfSettings, ExitCode> {
    if given.is_empty() {
        return Ok(PdfSettings::default());
    }
    let fail = |e: spotcheck::messages::Message| {
        ui.error(&msg!(CliError, error = e));
        ExitCode::from(2)
    };
    let standards = given
        .iter()
        .map(|s| parse_pdf_standard(s))
        .collect::<Result<Vec<_>, _>>()
        .map_err(fail)?;
    PdfSettings::new(standards).map_err(fail)
}

/// Loads the batch, or prints every error with its place and gives exit code 2.
fn load_or_report(ui: Ui, batch: &std::path::Path) -> Result<load::LoadedBatch, ExitCode> {
    load::load(batch).map_err(|diags| {
        eprintln!("{}", diags.render(ui.lang));
        ui.error(&msg!(LoadFailed, errors = diags.0.len()));
        ExitCode::from(2)
    })
}

/// The language while the arguments are being parsed: `--lang` if given, else the locale.
fn early_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if a == "--lang" => args.get(i + 1).map(String::as_str),
            None => None,
        };
        match value {
            Some("en") => return Lang::En,
            Some("zh") => return Lang::Zh,
            _ => {}
        }
    }
    Lang::from_env()
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| msg!(CliBadDate, value = s).render(early_lang()))
}

fn print_json<T: serde::Serialize>(ui: Ui, value: &T) -> bool {
    match serde_json::to_string_pretty(value) {
        Ok(s) => {
            println!("{s}");
            true
        }
        Err(e) => {
            ui.error(&msg!(CliError, error = e.to_string()));
            false
        }
    }
}

/// The command line with its help in `lang`, from the catalog: `help.<command>` for a
/// command, `help.<command>.<option>` or else `help.<option>` for an option.
fn command(lang: Lang) -> clap::Command {
    cli::text::localize(localize(Cli::command(), None, lang), lang)
}

fn localize(mut cmd: clap::Command, parent: Option<&str>, lang: Lang) -> clap::Command {
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
        cmd = cmd.mut_subcommand(sub, |c| localize(c, Some(key), lang));
    }
    cmd
}

fn main() -> ExitCode {
    spotcheck::allocator::tune();
    // clap's own errors in the user's language too; help and version as clap prints them.
    let parsed = command(early_lang())
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if cli::text::is_display(e.kind()) => e.exit(),
        Err(e) => {
            eprint!("{}", cli::text::error_text(&e, early_lang()));
            return ExitCode::from(2);
        }
    };
    let ui = Ui {
        lang: match cli.lang {
            Some(LangArg::Zh) => Lang::Zh,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(),
        },
        quiet: cli.quiet,
    };
    match cli.command {
        Command::Render {
            batch,
            out,
            cases,
            kinds,
            emit_typst,
            draft,
            allow_errors,
            pdf_standard,
            templates,
            fonts,
        } => {
            let pdf = match pdf_settings(ui, &pdf_standard) {
                Ok(p) => p,
                Err(code) => return code,
            };
            let lb = match load_or_report(ui, &batch) {
                Ok(lb) => lb,
                Err(code) => return code,
            };
            let diags = rules::check(&lb);
            let blocking = rules::blocking(&lb, &diags, &cases);
            if !blocking.is_empty() {
                for d in &blocking {
                    eprintln!("{}", d.render(ui.lang));
                }
                if !allow_errors {
                    ui.error(&msg!(RenderBlocked, errors = blocking.len()));
                    return ExitCode::from(1);
                }
                ui.error(&msg!(RenderAllowed, errors = blocking.len()));
            }
            let engine = Engine::new(&fonts.options(), pdf);
            let opts = RenderOptions {
                out: out.clone(),
                cases,
                kinds,
                emit_typst,
                draft: draft || allow_errors,
                templates,
                rows_per_part: 0,
            };
            let progress = cli::progress::for_terminal(ui.lang, ui.quiet);
            match spotcheck::documents::render::render_with(&lb, &engine, &opts, progress.as_ref())
            {
                Ok(done) => {
                    let pages: usize = done.iter().map(|d| d.pages).sum();
                    let m = msg!(
                        RenderDone,
                        documents = done.len(),
                        pages = pages,
                        out = &out
                    );
                    println!("{}", ui.t(&m));
                    ExitCode::SUCCESS
                }
                Err(e @ RenderError::Selection(_)) => {
                    ui.error(&msg!(CliError, error = e.render(ui.lang)));
                    ExitCode::from(2)
                }
                Err(e) => {
                    eprintln!("{}", e.render(ui.lang));
                    ExitCode::from(1)
                }
            }
        }
        Command::Check { batch, format } => {
            // Every file that can be read is checked, whatever the others.
            let report = match load::load_partial(&batch) {
                Ok(partial) => rules::report_partial(partial),
                Err(diags) => rules::Report::unreadable(diags.0),
            };
            match format {
                OutputFormat::Json => {
                    if !print_json(ui, &report.to_json(ui.lang)) {
                        return ExitCode::from(2);
                    }
                }
                OutputFormat::Text if report.readable => print!("{}", report.render(ui.lang)),
                OutputFormat::Text => eprint!("{}", report.render(ui.lang)),
            }
            if !report.readable {
                ExitCode::from(2)
            } else if report.summary.errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Status {
            batch,
            today,
            format,
        } => {
            let lb = match load_or_report(ui, &batch) {
                Ok(lb) => lb,
                Err(code) => return code,
            };
            let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
            let st = status::status(&lb, today);
            match format {
                OutputFormat::Json => {
                    if !print_json(ui, &st) {
                        return ExitCode::from(2);
                    }
                }
                OutputFormat::Text => print!("{}", st.render(ui.lang)),
            }
            ExitCode::SUCCESS
        }
        Command::Build {
            batch,
            out,
            sign,
            format,
            pdf_standard,
            templates,
            fonts,
        } => match pdf_settings(ui, &pdf_standard) {
            Ok(pdf) => {
                let opts = BuildOptions {
                    out,
                    sign,
                    templates,
                };
                build(ui, &batch, opts, format, pdf, &fonts)
            }
            Err(code) => code,
        },
        Command::Verify {
            archive,
            pubkey,
            format,
        } => verify_archive(ui, &archive, pubkey.as_deref(), format),
        Command::Keygen { out } => match sign::keygen(&out) {
            Ok(k) => {
                println!("{}", ui.t(&msg!(KeygenDone, id = &k.key_id)));
                println!("{}", ui.t(&msg!(KeygenSecret, path = &k.secret)));
                println!("{}", ui.t(&msg!(KeygenPublic, path = &k.public)));
                ExitCode::SUCCESS
            }
            Err(e) => {
                ui.error(&msg!(CliError, error = e.message()));
                ExitCode::from(1)
            }
        },
        Command::Schema { which } => {
            let batch = scaffold::batch_schema();
            let case = scaffold::case_schema();
            let value = match which {
                Some(SchemaKind::Batch) => batch,
                Some(SchemaKind::Case) => case,
                None => serde_json::json!({ "batch": batch, "case": case }),
            };
            match serde_json::to_string_pretty(&value) {
                Ok(s) => {
                    println!("{s}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    ui.error(&msg!(CliError, error = e.to_string()));
                    ExitCode::from(1)
                }
            }
        }
        Command::Init { dir } => match scaffold::init(&dir) {
            Ok(done) => {
                println!(
                    "{}",
                    ui.t(&msg!(InitDone, dir = &done.dir, cases = done.cases))
                );
                ui.note(&msg!(InitNext, dir = &done.dir));
                ExitCode::SUCCESS
            }
            Err(m) => {
                ui.error(&m);
                ExitCode::from(2)
            }
        },
        Command::NewCase {
            batch,
            category,
            outcome,
            prefix,
            date,
            domain,
        } => {
            let opts = scaffold::NewCase {
                category,
                outcome: outcome.into(),
                domain: domain.into(),
                prefix,
                date,
                today: chrono::Local::now().date_naive(),
            };
            match scaffold::new_case(&batch, &opts) {
                Ok(w) => {
                    println!("{}", ui.t(&msg!(NewCaseDone, id = &w.id, path = &w.path)));
                    ExitCode::SUCCESS
                }
                Err(ms) => {
                    for m in &ms {
                        ui.error(m);
                    }
                    ExitCode::from(2)
                }
            }
        }
        Command::Completions { shell } => {
            let mut cmd = command(ui.lang);
            clap_complete::generate(shell, &mut cmd, "spotcheck", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man { out } => man(ui, out.as_deref()),
        Command::Watch {
            batch,
            out,
            templates,
            draft,
            max_rounds,
            fonts,
        } => {
            let engine = Engine::new(&fonts.options(), PdfSettings::default());
            let opts = watch::WatchOptions {
                out,
                templates,
                draft,
                max_rounds,
            };
            let mut report = |r: watch::Report| {
                let time = chrono::Local::now().format("%H:%M:%S");
                match r {
                    watch::Report::Info(m) => {
                        if !ui.quiet {
                            println!("[{time}] {}", ui.t(&m));
                        }
                    }
                    watch::Report::Problem(m) => eprintln!("[{time}] {}", ui.t(&m)),
                    watch::Report::Finding(d) => eprintln!("{}", d.render(ui.lang)),
                    watch::Report::Failed(e) => eprintln!("[{time}] {}", e.render(ui.lang)),
                }
            };
            match watch::watch(&batch, &engine, &opts, &mut report) {
                Ok(()) => ExitCode::SUCCESS,
                Err(m) => {
                    ui.error(&m);
                    ExitCode::from(2)
                }
            }
        }
        Command::Kinds => {
            for k in kinds::CATALOG {
                let scope = match k.scope {
                    kinds::Scope::Case => msg!(KindsPerCase),
                    kinds::Scope::Batch => msg!(KindsPerBatch),
                };
                let id = format!("{:<16}", k.id);
                println!(
                    "{}",
                    ui.t(&msg!(KindsLine, id = id, title = k.title, scope = scope))
                );
            }
            ExitCode::SUCCESS
        }
        Command::CreditCode { code } => credit_code(ui, &code),
        Command::Fonts { fonts } => {
            let engine = Engine::new(&fonts.options(), PdfSettings::default());
            let f = &engine.fonts;
            for (style, chain) in &f.chains {
                println!("{}: {}", ui.t(&style.label()), chain.join(" → "));
            }
            let _ = Style::ALL;
            println!();
            let book = f.store.book();
            for &i in &f.in_use {
                if let Some(info) = book.info(i) {
                    println!(
                        "  {}  {:?}  {}",
                        info.family,
                        info.variant,
                        f.origins.get(i).map(String::as_str).unwrap_or("")
                    );
                }
            }
            ExitCode::SUCCESS
        }
    }
}

fn build(
    ui: Ui,
    batch: &std::path::Path,
    opts: BuildOptions,
    format: OutputFormat,
    pdf: PdfSettings,
    fonts: &FontArgs,
) -> ExitCode {
    let lb = match load_or_report(ui, batch) {
        Ok(lb) => lb,
        Err(code) => return code,
    };
    let engine = Engine::new(&fonts.options(), pdf);
    let progress = cli::progress::for_terminal(ui.lang, ui.quiet);
    match spotcheck::build::build_with(&lb, &engine, &opts, progress.as_ref()) {
        Ok(r) => {
            let pages: usize = r.rendered.iter().map(|d| d.pages).sum();
            let a = &r.archive;
            if format == OutputFormat::Json {
                let v = serde_json::json!({
                    "documents": r.rendered.len(),
                    "pages": pages,
                    "volume": r.volume,
                    "archive": {
                        "path": a.path,
                        "files": a.files,
                        "payload_bytes": a.payload_bytes,
                        "archive_bytes": a.archive_bytes,
                        "signed": a.signed,
                    },
                });
                return if print_json(ui, &v) {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                };
            }
            let archive = if a.signed {
                msg!(
                    BuildArchiveSignedAt,
                    path = &a.path,
                    files = a.files,
                    bytes = a.payload_bytes
                )
            } else {
                msg!(
                    BuildArchiveAt,
                    path = &a.path,
                    files = a.files,
                    bytes = a.payload_bytes
                )
            };
            println!(
                "{}",
                ui.t(&msg!(
                    BuildDone,
                    documents = r.rendered.len(),
                    pages = pages
                ))
            );
            for volume in &r.volume {
                println!("{}", ui.t(&msg!(BuildVolumeAt, path = volume)));
            }
            println!("{}", ui.t(&archive));
            ExitCode::SUCCESS
        }
        Err(e) => {
            let text = match &e {
                BuildError::Check(d) => ui.t(&msg!(BuildCheck, findings = d.render(ui.lang))),
                BuildError::Key(k) => ui.t(&msg!(BuildKey, error = k.message())),
                BuildError::Volume(v) => ui.t(&msg!(BuildVolume, error = v.clone())),
                BuildError::Render(r) => r.render(ui.lang),
                BuildError::Archive(a) => a.render(ui.lang),
            };
            eprintln!("{text}");
            // The batch's errors give 1, as check and render; what cannot be used at all, 2.
            let code = if e.is_input_error() { 2 } else { 1 };
            if let BuildError::Check(d) = &e {
                ui.error(&msg!(BuildCheckCount, errors = d.0.len()));
            }
            ExitCode::from(code)
        }
    }
}

/// `spotcheck credit-code`: whether a 统一社会信用代码 is valid and, when it is not, the
/// correct check character and the corrected code; exit 0 valid, 1 invalid.
fn credit_code(ui: Ui, code: &str) -> ExitCode {
    let Some(problem) = rules::credit_code_problem(code) else {
        println!("{}", ui.t(&msg!(CreditValid, code = code)));
        return ExitCode::SUCCESS;
    };
    println!(
        "{}",
        ui.t(&msg!(CreditInvalid, code = code, problem = problem))
    );
    // The code as meant: half-width, upper case; its first 17 characters decide the 18th.
    let meant: Vec<char> = spotcheck::input::width::to_half_width(code)
        .trim()
        .to_uppercase()
        .chars()
        .collect();
    if matches!(meant.len(), 17 | 18) {
        let head: String = meant[..17].iter().collect();
        if let Some(ch) = rules::credit_check_char(&head) {
            let fixed = format!("{head}{ch}");
            let m = if meant.get(17) == Some(&ch) {
                msg!(CreditCorrected, fixed = fixed)
            } else {
                msg!(CreditCorrectCheck, ch = ch, fixed = fixed)
            };
            println!("{}", ui.t(&m));
        }
    }
    ExitCode::from(1)
}

fn verify_archive(
    ui: Ui,
    archive: &std::path::Path,
    pubkey: Option<&std::path::Path>,
    format: OutputFormat,
) -> ExitCode {
    let public_key = match pubkey.map(sign::read_public_key).transpose() {
        Ok(k) => k,
        Err(e) => {
            ui.error(&msg!(CliError, error = e.message()));
            return ExitCode::from(2);
        }
    };
    let opts = VerifyOptions {
        public_key,
        ..VerifyOptions::default()
    };
    let report = verify(archive, &opts);
    let text = match format {
        OutputFormat::Text => report.render(ui.lang),
        OutputFormat::Json => match serde_json::to_string_pretty(&report.to_json(ui.lang)) {
            Ok(s) => s + "\n",
            Err(e) => {
                ui.error(&msg!(CliError, error = e.to_string()));
                return ExitCode::from(2);
            }
        },
    };
    // A closed pipe (`| head`) is not an error of the archive: the verdict stands.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
    // Warnings (what RFC 8493 says SHOULD) go apart from the errors, and leave the exit code.
    let warnings = report.render_warnings(ui.lang);
    let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), warnings.as_bytes());
    ExitCode::from(report.verdict.exit_code())
}

/// The manual page of the whole command, or one page per command written into `out`.
fn man(ui: Ui, out: Option<&std::path::Path>) -> ExitCode {
    let cmd = command(ui.lang);
    let Some(dir) = out else {
        let mut buf = Vec::new();
        if let Err(e) = clap_mangen::Man::new(cmd).render(&mut buf) {
            ui.error(&msg!(CliError, error = e.to_string()));
            return ExitCode::from(1);
        }
        let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), &buf);
        return ExitCode::SUCCESS;
    };
    let mut pages = vec![("spotcheck".to_string(), cmd.clone())];
    for sub in cmd.get_subcommands() {
        let name = format!("spotcheck-{}", sub.get_name());
        pages.push((name.clone(), sub.clone().name(name)));
    }
    for (name, page) in pages {
        let mut buf = Vec::new();
        let path = dir.join(format!("{name}.1"));
        let written = clap_mangen::Man::new(page)
            .render(&mut buf)
            .and_then(|()| spotcheck::output::write_atomic(&path, &buf));
        if let Err(e) = written {
            ui.error(&msg!(InitWrite, path = &path, error = e.to_string()));
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every option has its help in both languages, from the catalog.
    #[test]
    fn every_command_and_option_has_help_in_both_languages() {
        fn walk(cmd: &clap::Command, lang: Lang, path: &str) {
            let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
            assert!(!about.is_empty(), "{path} has no help in {lang:?}");
            // clap's own --help, --version and help command included.
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(!help.is_empty(), "{path} {id} has no help in {lang:?}");
                let han_of = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                let han = han_of(&help);
                // The values to type (生产, 流通) are what they are in either language.
                let own_text = a
                    .get_possible_values()
                    .iter()
                    .fold(help.clone(), |h, v| h.replace(v.get_name(), ""));
                match lang {
                    Lang::Zh => assert!(han, "{path} {id}: {help}"),
                    Lang::En => assert!(
                        !han_of(&own_text) || help.contains("草稿"),
                        "{path} {id}: {help}"
                    ),
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, lang, &format!("{path} {}", sub.get_name()));
            }
        }
        for lang in Lang::ALL {
            let mut cmd = command(lang);
            cmd.build();
            walk(&cmd, lang, "spotcheck");
        }
    }
}
