//! The command line: parses arguments and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use spotcheck::build::{BuildError, BuildOptions};
use spotcheck::engine::{Engine, PdfSettings, parse_pdf_standard};
use spotcheck::fonts::{FontOptions, Style};
use spotcheck::messages::{Lang, Message};
use spotcheck::render::{RenderError, RenderOptions};
use spotcheck::verify::{VerifyOptions, verify};
use spotcheck::{catalog, check, load, model, msg, progress, scaffold, sign, status, watch};

#[derive(Parser)]
#[command(
    name = "spotcheck",
    version,
    about = "产品质量监督抽查文书：从案例 YAML 文件生成全部抽样文书和检验报告 PDF"
)]
struct Cli {
    /// 提示信息的语言：zh 中文，en 英文；默认按环境变量 LC_ALL、LC_MESSAGES、LANG（en 开头为英文，其余为中文）
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,
    /// 安静模式：不显示进度条和提示，只输出结果和错误
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
    /// 额外的字体文件夹（可重复），其中的官方字体优先于内置字体
    #[arg(long = "font-path", value_name = "DIR")]
    font_path: Vec<PathBuf>,
    /// 不使用系统已安装的字体（只用内置字体和 --font-path）
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
    /// 生成案例文书 PDF：OUT/cases/<案例编号>/<文书>.pdf
    Render {
        /// 批次文件夹（含 batch.yaml 和 cases/）
        batch: PathBuf,
        /// 输出文件夹
        #[arg(short, long, value_name = "OUT")]
        out: PathBuf,
        /// 只生成这些案例（可重复）
        #[arg(long = "case", value_name = "ID")]
        cases: Vec<String>,
        /// 只生成这些文书类型（可重复），见 spotcheck kinds
        #[arg(long = "kind", value_name = "KIND")]
        kinds: Vec<String>,
        /// 同时在 PDF 旁写出生成的 .typ 源文件及其引用的排版库
        #[arg(long)]
        emit_typst: bool,
        /// 每页标注“草稿”
        #[arg(long)]
        draft: bool,
        /// 批次有错误时仍然生成文书（一律作为草稿，每页标注“草稿”）
        #[arg(long)]
        allow_errors: bool,
        /// PDF 标准（可重复），默认 a-2u（PDF/A-2u 归档格式）
        #[arg(long = "pdf-standard", value_name = "STD")]
        pdf_standard: Vec<String>,
        /// 用此文件夹中的同名模板（*.typ.tera）代替内置模板
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// 实时预览：先生成全部文书，之后每当案例文件、batch.yaml 或模板保存时，只重新生成受影响的文书；出错时显示错误并继续监视
    Watch {
        /// 批次文件夹（含 batch.yaml 和 cases/）
        batch: PathBuf,
        /// 输出文件夹
        #[arg(short, long, value_name = "OUT")]
        out: PathBuf,
        /// 同时监视此文件夹中的模板（*.typ.tera），并用它们代替内置模板
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// 每页标注“草稿”（有错误的案例总是标注）
        #[arg(long)]
        draft: bool,
        /// 重新生成这么多轮后退出（供脚本和测试使用）
        #[arg(long, value_name = "N", hide = true)]
        max_rounds: Option<usize>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// 按抽查通知的规则检查批次：退出码 0 无错误，1 有错误，2 批次无法读取
    Check {
        /// 批次文件夹（含 batch.yaml 和 cases/）
        batch: PathBuf,
        /// 输出格式：text 供人阅读，json 供程序处理
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// 批次进度：各类别完成情况、各项时限、逾期案例、未办结的后处理
    Status {
        /// 批次文件夹（含 batch.yaml 和 cases/）
        batch: PathBuf,
        /// 按这一天计算（如 2023-08-01），默认今天
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// 输出格式：text 供人阅读，json 供程序处理
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// 完整生成：检查批次，生成全部文书、合订本和汇总表，打包为归档 OUT/<批次编号>.zip
    Build {
        /// 批次文件夹（含 batch.yaml 和 cases/）
        batch: PathBuf,
        /// 输出文件夹
        #[arg(short, long, value_name = "OUT")]
        out: PathBuf,
        /// 用此私钥（spotcheck keygen 生成）对归档签名
        #[arg(long, value_name = "KEY")]
        sign: Option<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// 核验归档（zip 或解压后的文件夹）：逐一核对每个文件，报告缺失、多出和被改动的文件
    Verify {
        /// 归档 zip 文件，或解压后的归档文件夹
        archive: PathBuf,
        /// 用此公钥核验签名（要求归档已签名）
        #[arg(long, value_name = "PUB")]
        pubkey: Option<PathBuf>,
        /// 输出格式：human（中文说明）或 json（供程序读取）
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// 生成签名用的密钥对：DIR/spotcheck.key（私钥，无口令，妥善保管）和 DIR/spotcheck.pub（公钥）
    Keygen {
        /// 密钥文件写入的文件夹
        #[arg(short, long, value_name = "DIR", default_value = ".")]
        out: PathBuf,
    },
    /// 输出 batch.yaml 和案例文件的 JSON Schema（供编辑器补全和校验）
    Schema {
        /// 只输出其中一种
        #[arg(value_enum)]
        which: Option<SchemaKind>,
    },
    /// 新建批次文件夹：带中文注释的 batch.yaml、每种抽样情况各一个示例案例、证据文件夹，可立即检查和生成
    Init {
        /// 要创建的批次文件夹（须不存在或为空）
        dir: PathBuf,
    },
    /// 新建案例文件：按类别取下一个编号，从 batch.yaml 填入类别、承检机构和抽样日期
    NewCase {
        /// 批次文件夹（含 batch.yaml 和 cases/）
        batch: PathBuf,
        /// 产品类别（batch.yaml 抽查计划中的一类）
        #[arg(long, value_name = "类别")]
        category: String,
        /// 抽样情况：sampled 已抽样，refused 拒检，not-sampled 未抽到样品
        #[arg(long, value_enum, default_value_t = OutcomeArg::Sampled)]
        outcome: OutcomeArg,
        /// 编号前缀（如 HF），默认沿用同类案例的前缀，或取类别前两个字的拼音首字母
        #[arg(long, value_name = "PREFIX")]
        prefix: Option<String>,
        /// 抽样日期（如 2023-03-02），默认今天（限于抽样期间内）
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// 输出命令行补全脚本（bash、zsh、fish、powershell、elvish）
    Completions {
        /// 命令行外壳
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// 输出手册页（roff 格式）；加 --out 时为每个子命令写一个 .1 文件
    Man {
        /// 写入此文件夹，而不是标准输出
        #[arg(short, long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// 列出全部文书类型
    Kinds,
    /// 列出所用字体及其承担的字体风格
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

#[derive(Clone, Copy, ValueEnum)]
enum SchemaKind {
    Batch,
    Case,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// For people (also accepted as `human`).
    #[value(alias = "human")]
    Text,
    Json,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
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
            let mut standards = Vec::new();
            for s in &pdf_standard {
                match parse_pdf_standard(s) {
                    Ok(s) => standards.push(s),
                    Err(e) => {
                        ui.error(&msg!(CliError, error = e));
                        return ExitCode::from(2);
                    }
                }
            }
            let pdf = if standards.is_empty() {
                PdfSettings::default()
            } else {
                PdfSettings { standards }
            };
            let lb = match load_or_report(ui, &batch) {
                Ok(lb) => lb,
                Err(code) => return code,
            };
            let diags = check::check(&lb);
            let blocking = check::blocking(&lb, &diags, &cases);
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
            };
            let progress = progress::for_terminal(ui.lang, ui.quiet);
            match spotcheck::render::render_with(&lb, &engine, &opts, progress.as_ref()) {
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
            let report = match load::load(&batch) {
                Ok(lb) => check::report(&lb),
                Err(diags) => check::Report::unreadable(diags.0),
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
            fonts,
        } => build(ui, &batch, out, sign, &fonts),
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
                ui.error(&msg!(CliError, error = e.to_string()));
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
        } => {
            let opts = scaffold::NewCase {
                category,
                outcome: outcome.into(),
                prefix,
                today: date.unwrap_or_else(|| chrono::Local::now().date_naive()),
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
            let mut cmd = Cli::command();
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
                    watch::Report::Finding(d) => eprintln!("{d}"),
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
            for k in catalog::CATALOG {
                let scope = match k.scope {
                    catalog::Scope::Case => msg!(KindsPerCase),
                    catalog::Scope::Batch => msg!(KindsPerBatch),
                };
                let id = format!("{:<16}", k.id);
                println!(
                    "{}",
                    ui.t(&msg!(KindsLine, id = id, title = k.title, scope = scope))
                );
            }
            ExitCode::SUCCESS
        }
        Command::Fonts { fonts } => {
            let engine = Engine::new(&fonts.options(), PdfSettings::default());
            let f = &engine.fonts;
            for (style, chain) in &f.chains {
                println!("{}：{}", style.label(), chain.join(" → "));
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
    out: PathBuf,
    sign: Option<PathBuf>,
    fonts: &FontArgs,
) -> ExitCode {
    let lb = match load_or_report(ui, batch) {
        Ok(lb) => lb,
        Err(code) => return code,
    };
    let engine = Engine::new(&fonts.options(), PdfSettings::default());
    let opts = BuildOptions { out, sign };
    let progress = progress::for_terminal(ui.lang, ui.quiet);
    match spotcheck::build::build_with(&lb, &engine, &opts, progress.as_ref()) {
        Ok(r) => {
            let pages: usize = r.rendered.iter().map(|d| d.pages).sum();
            let a = &r.archive;
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
            println!("{}", ui.t(&msg!(BuildVolumeAt, path = &r.volume)));
            println!("{}", ui.t(&archive));
            ExitCode::SUCCESS
        }
        Err(e) => {
            let text = match &e {
                BuildError::Check(d) => ui.t(&msg!(BuildCheck, findings = d.render(ui.lang))),
                BuildError::Key(k) => ui.t(&msg!(BuildKey, error = k.to_string())),
                BuildError::Volume(v) => ui.t(&msg!(BuildVolume, error = v)),
                BuildError::Render(r) => r.render(ui.lang),
                BuildError::Archive(a) => a.to_string(),
            };
            eprintln!("{text}");
            let code = if e.is_input_error() { 2 } else { 1 };
            if let BuildError::Check(d) = &e {
                ui.error(&msg!(BuildCheckCount, errors = d.0.len()));
            }
            ExitCode::from(code)
        }
    }
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
            ui.error(&msg!(CliError, error = e.to_string()));
            return ExitCode::from(2);
        }
    };
    let opts = VerifyOptions {
        public_key,
        ..VerifyOptions::default()
    };
    let report = verify(archive, &opts);
    let text = match format {
        OutputFormat::Text => report.human(),
        OutputFormat::Json => match serde_json::to_string_pretty(&report) {
            Ok(s) => s + "\n",
            Err(e) => {
                ui.error(&msg!(CliError, error = e.to_string()));
                return ExitCode::from(2);
            }
        },
    };
    // A closed pipe (`| head`) is not an error of the archive: the verdict stands.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
    ExitCode::from(report.verdict.exit_code())
}

/// The manual page of the whole command, or one page per command written into `out`.
fn man(ui: Ui, out: Option<&std::path::Path>) -> ExitCode {
    let cmd = Cli::command();
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
