//! The command line's clap types: the global options, one struct of arguments per command, and
//! the groups several commands share (flattened in: fonts, templates, PDF standard, output
//! format).
//!
//! Help texts are not written here: they come from the catalog, by argument id
//! (`help.<command>.<option>`, else `help.<option>`; see `text::command`). So the types carry
//! plain comments, never doc comments, which clap would show instead.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use spotcheck::documents::engine::{PdfSettings, parse_pdf_standard};
use spotcheck::documents::fonts::FontOptions;
use spotcheck::input::model;
use spotcheck::messages::{Lang, Message};
use spotcheck::msg;

#[derive(Parser)]
#[command(name = "spotcheck", version)]
pub struct Cli {
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

// The commands, in the order of `spotcheck --help`.
#[derive(Subcommand)]
pub enum Command {
    Render(RenderArgs),
    Watch(WatchArgs),
    Check(CheckArgs),
    Status(StatusArgs),
    Build(BuildArgs),
    Verify(VerifyArgs),
    Keygen(KeygenArgs),
    Schema(SchemaArgs),
    Init(InitArgs),
    NewCase(NewCaseArgs),
    Import(ImportArgs),
    Export(ExportArgs),
    Pack(PackArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
    Kinds,
    CreditCode(CreditCodeArgs),
    Fonts(FontsArgs),
    Serve(ServeArgs),
}

#[derive(Args)]
pub struct RenderArgs {
    pub batch: PathBuf,
    #[arg(short, long, value_name = "OUT")]
    pub out: PathBuf,
    #[arg(long = "case", value_name = "ID")]
    pub cases: Vec<String>,
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<String>,
    #[arg(long)]
    pub emit_typst: bool,
    #[arg(long)]
    pub draft: bool,
    #[arg(long)]
    pub allow_errors: bool,
    #[command(flatten)]
    pub sign_pdf: SignPdfArgs,
    #[arg(long)]
    pub no_cache: bool,
    #[command(flatten)]
    pub pdf: PdfArgs,
    #[command(flatten)]
    pub ofd: OfdArgs,
    #[command(flatten)]
    pub templates: TemplatesArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Args)]
pub struct WatchArgs {
    pub batch: PathBuf,
    #[arg(short, long, value_name = "OUT")]
    pub out: PathBuf,
    #[command(flatten)]
    pub templates: TemplatesArgs,
    #[arg(long)]
    pub draft: bool,
    #[arg(long, value_name = "N", hide = true)]
    pub max_rounds: Option<usize>,
    #[command(flatten)]
    pub ofd: OfdArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Args)]
pub struct ServeArgs {
    pub batch: PathBuf,
    #[arg(short, long, value_name = "OUT", default_value = "out")]
    pub out: PathBuf,
    #[arg(long, value_name = "N", default_value_t = 8484)]
    pub port: u16,
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub listen: std::net::IpAddr,
    #[arg(long, value_name = "T")]
    pub token: Option<String>,
    #[arg(long)]
    pub no_open: bool,
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    #[arg(long, value_name = "DATE", value_parser = parse_date, hide = true)]
    pub today: Option<NaiveDate>,
    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Args)]
pub struct CheckArgs {
    pub batch: PathBuf,
    #[command(flatten)]
    pub format: FormatArgs,
}

#[derive(Args)]
pub struct StatusArgs {
    pub batch: PathBuf,
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    #[command(flatten)]
    pub format: FormatArgs,
}

#[derive(Args)]
pub struct BuildArgs {
    pub batch: PathBuf,
    #[arg(short, long, value_name = "OUT")]
    pub out: PathBuf,
    #[arg(long, value_name = "KEY")]
    pub sign: Vec<PathBuf>,
    #[arg(long, value_name = "FILE", requires = "sign")]
    pub passphrase_file: Option<PathBuf>,
    #[command(flatten)]
    pub sign_pdf: SignPdfArgs,
    #[arg(long = "final")]
    pub final_archive: bool,
    #[arg(long)]
    pub no_cache: bool,
    #[command(flatten)]
    pub format: FormatArgs,
    #[command(flatten)]
    pub pdf: PdfArgs,
    #[command(flatten)]
    pub ofd: OfdArgs,
    #[command(flatten)]
    pub templates: TemplatesArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Args)]
pub struct VerifyArgs {
    pub archive: PathBuf,
    #[arg(long, value_name = "PUB")]
    pub pubkey: Option<PathBuf>,
    #[arg(long, value_name = "FILE.pdf")]
    pub document: Option<PathBuf>,
    #[arg(long, value_name = "TEXT")]
    pub qr: Option<String>,
    #[arg(long)]
    pub complete: bool,
    #[command(flatten)]
    pub format: FormatArgs,
}

#[derive(Args)]
pub struct KeygenArgs {
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    #[arg(long, value_name = "BATCH", requires = "lab")]
    pub batch: Option<PathBuf>,
    #[arg(long, value_name = "ID", requires = "batch")]
    pub lab: Option<String>,
    #[arg(long, value_name = "FILE", conflicts_with = "x509")]
    pub passphrase_file: Option<PathBuf>,
    #[arg(long)]
    pub x509: bool,
}

#[derive(Args)]
pub struct SchemaArgs {
    #[arg(value_enum)]
    pub which: Option<SchemaKind>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SchemaKind {
    Batch,
    Case,
}

#[derive(Args)]
pub struct InitArgs {
    pub dir: PathBuf,
}

#[derive(Args)]
pub struct NewCaseArgs {
    pub batch: PathBuf,
    #[arg(long, value_name = "CATEGORY")]
    pub category: String,
    #[arg(long, value_enum, default_value_t = OutcomeArg::Sampled)]
    pub outcome: OutcomeArg,
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Option<String>,
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = DomainArg::Circulation)]
    pub domain: DomainArg,
}

#[derive(Args)]
pub struct ImportArgs {
    pub batch: PathBuf,
    pub file: PathBuf,
    #[arg(long = "column", value_name = "FIELD=HEADER")]
    pub columns: Vec<String>,
}

#[derive(Args)]
pub struct ExportArgs {
    pub batch: PathBuf,
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub ledger: PathBuf,
}

#[derive(Args)]
pub struct PackArgs {
    pub batch: PathBuf,
    #[arg(short, long, value_name = "OUT")]
    pub out: PathBuf,
    #[arg(long = "date", value_name = "DATE", value_parser = parse_date)]
    pub dates: Vec<NaiveDate>,
    #[arg(long = "case", value_name = "ID")]
    pub cases: Vec<String>,
    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutcomeArg {
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

// 生产, 流通 or 电子商务, as written in the case file (production, circulation, online accepted too).
#[derive(Clone, Copy, ValueEnum)]
pub enum DomainArg {
    #[value(name = "生产", alias = "production")]
    Production,
    #[value(name = "流通", alias = "circulation")]
    Circulation,
    #[value(name = "电子商务", alias = "online")]
    Online,
}

impl From<DomainArg> for model::Domain {
    fn from(d: DomainArg) -> Self {
        match d {
            DomainArg::Production => model::Domain::Production,
            DomainArg::Circulation => model::Domain::Circulation,
            DomainArg::Online => model::Domain::Online,
        }
    }
}

#[derive(Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Args)]
pub struct ManArgs {
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Args)]
pub struct CreditCodeArgs {
    pub code: String,
}

#[derive(Args)]
pub struct FontsArgs {
    #[command(flatten)]
    pub fonts: FontArgs,
}

// ---------------------------------------------------------------------------------------------
// Groups shared by several commands
// ---------------------------------------------------------------------------------------------

// `--font-path DIR`… and `--no-system-fonts`: render, watch, build, fonts.
#[derive(Args, Clone)]
pub struct FontArgs {
    #[arg(long = "font-path", value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    #[arg(long)]
    pub no_system_fonts: bool,
}

impl FontArgs {
    pub fn options(&self) -> FontOptions {
        FontOptions {
            font_paths: self.font_path.clone(),
            system_fonts: !self.no_system_fonts,
        }
    }
}

// `--templates DIR`: templates replacing the built-in ones of the same name; render, watch,
// build.
#[derive(Args, Clone)]
pub struct TemplatesArgs {
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

// `--ofd`: render, watch, build.
#[derive(Args, Clone)]
pub struct OfdArgs {
    #[arg(long)]
    pub ofd: bool,
}

// `--sign-pdf PATH`, its PKCS#12 password and its time-stamp service: render, build.
#[derive(Args, Clone)]
pub struct SignPdfArgs {
    #[arg(long, value_name = "PATH")]
    pub sign_pdf: Option<PathBuf>,
    #[arg(long, value_name = "FILE", requires = "sign_pdf")]
    pub pkcs12_password_file: Option<PathBuf>,
    #[arg(long, value_name = "URL", requires = "sign_pdf")]
    pub tsa: Option<String>,
}

// `--pdf-standard STD`…: render, build.
#[derive(Args, Clone)]
pub struct PdfArgs {
    #[arg(long = "pdf-standard", value_name = "STD")]
    pub pdf_standard: Vec<String>,
}

impl PdfArgs {
    /// The PDF standards asked for (PDF/A-2u when none is given), or why they cannot be: an
    /// unknown standard, or standards that cannot hold together.
    pub fn settings(&self) -> Result<PdfSettings, Message> {
        if self.pdf_standard.is_empty() {
            return Ok(PdfSettings::default());
        }
        let standards = self
            .pdf_standard
            .iter()
            .map(|s| parse_pdf_standard(s))
            .collect::<Result<Vec<_>, _>>()?;
        PdfSettings::new(standards)
    }
}

// `--format text|json`: check, status, build, verify.
#[derive(Args, Clone, Copy)]
pub struct FormatArgs {
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
pub enum OutputFormat {
    // `human` is accepted too.
    #[value(alias = "human")]
    Text,
    Json,
}

/// A value a parser of this file refuses, with the reason as a message of the catalog: clap's
/// error about it is said in the user's language (`text::error_text`).
#[derive(Debug)]
pub struct Refused(pub Message);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.in_lang(Lang::Zh))
    }
}

impl std::error::Error for Refused {}

fn parse_date(s: &str) -> Result<NaiveDate, Refused> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| Refused(msg!(CliBadDate, value = s)))
}
