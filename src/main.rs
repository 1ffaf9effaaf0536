//! The command line: parses arguments and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use spotcheck::engine::{Engine, PdfSettings, parse_pdf_standard};
use spotcheck::fonts::{FontOptions, Style};
use spotcheck::render::{RenderError, RenderOptions};
use spotcheck::{catalog, load, model};

#[derive(Parser)]
#[command(
    name = "spotcheck",
    version,
    about = "产品质量监督抽查文书：从案例 YAML 文件生成全部抽样文书和检验报告 PDF"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
        /// PDF 标准（可重复），默认 a-2u（PDF/A-2u 归档格式）
        #[arg(long = "pdf-standard", value_name = "STD")]
        pdf_standard: Vec<String>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// 输出 batch.yaml 和案例文件的 JSON Schema（供编辑器补全和校验）
    Schema {
        /// 只输出其中一种
        #[arg(value_enum)]
        which: Option<SchemaKind>,
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
enum SchemaKind {
    Batch,
    Case,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Render {
            batch,
            out,
            cases,
            kinds,
            emit_typst,
            draft,
            pdf_standard,
            fonts,
        } => {
            let mut standards = Vec::new();
            for s in &pdf_standard {
                match parse_pdf_standard(s) {
                    Ok(s) => standards.push(s),
                    Err(e) => {
                        eprintln!("错误：{e}");
                        return ExitCode::from(2);
                    }
                }
            }
            let pdf = if standards.is_empty() {
                PdfSettings::default()
            } else {
                PdfSettings { standards }
            };
            let lb = match load::load(&batch) {
                Ok(lb) => lb,
                Err(diags) => {
                    eprintln!("{diags}");
                    eprintln!("批次读取失败：{} 处错误", diags.0.len());
                    return ExitCode::from(2);
                }
            };
            let engine = Engine::new(&fonts.options(), pdf);
            let opts = RenderOptions {
                out: out.clone(),
                cases,
                kinds,
                emit_typst,
                draft,
            };
            match spotcheck::render::render(&lb, &engine, &opts) {
                Ok(done) => {
                    let pages: usize = done.iter().map(|d| d.pages).sum();
                    println!(
                        "已生成 {} 份文书（共 {} 页），输出到 {}",
                        done.len(),
                        pages,
                        out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e @ RenderError::Selection(_)) => {
                    eprintln!("错误：{e}");
                    ExitCode::from(2)
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Schema { which } => {
            let batch = schemars::schema_for!(model::Batch);
            let case = schemars::schema_for!(model::Case);
            let value = match which {
                Some(SchemaKind::Batch) => serde_json::to_value(batch),
                Some(SchemaKind::Case) => serde_json::to_value(case),
                None => serde_json::to_value(serde_json::json!({ "batch": batch, "case": case })),
            };
            match value.and_then(|v| serde_json::to_string_pretty(&v)) {
                Ok(s) => {
                    println!("{s}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("错误：{e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Kinds => {
            for k in catalog::CATALOG {
                let scope = match k.scope {
                    catalog::Scope::Case => "每个案例",
                    catalog::Scope::Batch => "每个批次",
                };
                println!("{:<16} {}（{scope}）", k.id, k.title);
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
