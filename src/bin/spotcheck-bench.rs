//! The benchmark: builds synthetic batches of N cases stage by stage and reports wall time,
//! documents and pages per second and peak memory per stage, then the rebuild of the same
//! output folder after one case changed (the build cache), and compares the whole build with
//! references measured in the same run: the fixed 300-page ruled form of
//! `scripts/reference-form.typ` compiled by the `typst` command (and in process), the `typst`
//! command compiling the same generated sources one process per document (the naive way), and
//! the engine's floor (the same pages compiled in process as one single document).
//!
//! `cargo run --release --bin spotcheck-bench -- --cases 119` (see docs/PERFORMANCE.md).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Parser;
use serde::Serialize;
use spotcheck::documents::engine::{DocSource, Engine, PdfSettings};
use spotcheck::documents::fonts::FontOptions;
use spotcheck::documents::render::{self, RenderOptions, Timings};
use spotcheck::{
    app::build, archive, archive::verify, documents::volume, input::load, input::synth,
};

// The same allocator as the spotcheck command, so that the figures are the command's.
#[global_allocator]
static GLOBAL: spotcheck::allocator::Allocator = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(
    name = "spotcheck-bench",
    about = "Benchmark of spotcheck on synthetic batches (docs/PERFORMANCE.md)"
)]
struct Args {
    /// Cases per synthetic batch; repeat for several sizes (`--cases 1000 --cases 10000`).
    #[arg(long = "cases", default_values_t = vec![119])]
    cases: Vec<usize>,
    /// Runs of the whole pipeline per size; medians are reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// The batch folder the synthetic cases are made from.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/jincheng-2023-1"))]
    source: PathBuf,
    #[arg(long, default_value_t = 2023)]
    seed: u64,
    /// Working folder (default: a temporary folder, removed at the end).
    #[arg(long)]
    work: Option<PathBuf>,
    /// The typst command for the one-process-per-document comparison (default: `typst` on
    /// PATH). Install it with `cargo install typst-cli --version ^0.15 --locked`.
    #[arg(long)]
    typst: Option<PathBuf>,
    /// Skip the one-process-per-document comparison.
    #[arg(long)]
    no_cli: bool,
    /// Compile at most this many documents with the typst command, evenly spread over the
    /// batch, and scale the time up to all documents.
    #[arg(long, default_value_t = 1500)]
    cli_max_docs: usize,
    /// Skip the single-document floor.
    #[arg(long)]
    no_floor: bool,
    /// The floor is compiled only for batches of at most this many documents (one document
    /// of that many pages must fit in memory).
    #[arg(long, default_value_t = 8000)]
    floor_max_docs: usize,
    /// Also write every figure as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Only write a synthetic batch of `--cases` cases into this (new or empty) folder, for
    /// `spotcheck build` or any other use, and measure nothing.
    #[arg(long, value_name = "DIR")]
    generate: Option<PathBuf>,
    /// Also write every document as OFD (docs/ofd.md), and report what it adds.
    #[arg(long)]
    ofd: bool,
    /// The fixed reference workload the whole build is compared with, compiled by the typst
    /// command (`typst compile --font-path fonts --ignore-system-fonts`) and in process.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/reference-form.typ"))]
    reference: PathBuf,
    /// Skip the rebuild after one case changed.
    #[arg(long)]
    no_rebuild: bool,
}

/// One stage of one run.
#[derive(Debug, Clone, Serialize)]
struct Stage {
    name: &'static str,
    wall_s: f64,
    docs: usize,
    pages: usize,
    /// Peak resident memory during the stage (MiB), when the system tells.
    peak_mib: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
struct Run {
    stages: Vec<Stage>,
    total_s: f64,
    /// Thread time of rendering, per sub-stage (seconds summed over worker threads).
    render_threads: ThreadTimes,
    /// The same thread time by kind of document.
    render_kinds: Vec<KindTimes>,
    archive_bytes: u64,
    payload_bytes: u64,
    verify_mb_s: f64,
    /// Bytes of the PDFs and of the OFD files written beside them (with `--ofd`).
    pdf_bytes: u64,
    ofd_bytes: u64,
    /// Documents made (not reused from the build cache).
    made_docs: usize,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
struct ThreadTimes {
    template_s: f64,
    compile_s: f64,
    export_s: f64,
    write_s: f64,
    /// Writing the same pages as OFD (with `--ofd`).
    ofd_s: f64,
}

/// Rendering thread time of one kind of document (sampling sheet, report, summary table...).
#[derive(Debug, Clone, Default, Serialize)]
struct KindTimes {
    kind: &'static str,
    docs: usize,
    pages: usize,
    layout_s: f64,
    export_s: f64,
    bytes: usize,
}

#[derive(Debug, Clone, Serialize)]
struct SizeReport {
    cases: usize,
    documents: usize,
    pages: usize,
    generate_s: f64,
    runs: Vec<Run>,
    /// Median wall time of each stage over the runs; peak memory of the first run.
    median: Vec<Stage>,
    median_total_s: f64,
    /// Engine start plus rendering, median: what the references are compared with.
    median_compile_work_s: f64,
    floor: Option<Reference>,
    cli: Option<Reference>,
    /// The rebuild of each run's output folder after one case changed, when measured.
    rebuilds: Vec<Run>,
    /// Its median total.
    median_rebuild_s: Option<f64>,
    /// Documents made again (not reused) in the first rebuild.
    rebuilt_docs: usize,
    /// The reference form, by the typst command (median over the runs) and in process.
    reference_cli_s: Option<f64>,
    reference_in_process_s: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
struct Reference {
    wall_s: f64,
    /// Documents actually compiled (the CLI may compile a spread subset and scale up).
    docs_compiled: usize,
    /// Scaled to all documents.
    wall_all_s: f64,
    peak_mib: Option<f64>,
    /// reference / ours (> 1: ours is faster).
    ratio: f64,
    note: String,
}

/// Peak memory of this process: reset the high-water mark, read it back later (Linux).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn timed<T>(
    stages: &mut Vec<Stage>,
    name: &'static str,
    f: impl FnOnce() -> Result<(T, usize, usize)>,
) -> Result<T> {
    reset_peak();
    let started = Instant::now();
    let (value, docs, pages) = f()?;
    stages.push(Stage {
        name,
        wall_s: started.elapsed().as_secs_f64(),
        docs,
        pages,
        peak_mib: peak_mib(),
    });
    Ok(value)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return 0.0;
    }
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

/// The whole job on a batch folder, stage by stage, as `spotcheck build` does it, reusing
/// what an earlier build left in `out` (the build cache) as the command does.
fn run_once(batch: &Path, out: &Path, ofd: bool) -> Result<Run> {
    let mut stages = Vec::new();
    let all = Instant::now();
    let engine = timed(&mut stages, "engine (fonts, library)", || {
        Ok((
            Engine::new(&FontOptions::default(), PdfSettings::default()),
            0,
            0,
        ))
    })?;
    let lb = timed(&mut stages, "load and check", || {
        let lb = load::load(batch).map_err(|d| anyhow::anyhow!("{d}"))?;
        build::preflight(&lb, &engine).map_err(|d| anyhow::anyhow!("{d}"))?;
        Ok((lb, 0, 0))
    })?;
    let opts = RenderOptions {
        out: out.to_path_buf(),
        ofd,
        reuse: true,
        ..RenderOptions::default()
    };
    let rendered = timed(
        &mut stages,
        "render (template, compile, export, write)",
        || {
            let r = render::render(&lb, &engine, &opts)?;
            let (d, p) = (r.len(), r.iter().map(|d| d.pages).sum());
            Ok((r, d, p))
        },
    )?;
    let mut threads = Timings::default();
    let mut kinds: Vec<KindTimes> = Vec::new();
    let made_docs = rendered.iter().filter(|r| !r.reused).count();
    for r in rendered.iter().filter(|r| !r.reused) {
        let k = match kinds.iter().position(|k| k.kind == r.kind) {
            Some(i) => &mut kinds[i],
            None => {
                kinds.push(KindTimes {
                    kind: r.kind,
                    ..KindTimes::default()
                });
                kinds.last_mut().expect("just pushed")
            }
        };
        k.docs += 1;
        k.pages += r.pages;
        k.layout_s += r.timings.compile.as_secs_f64();
        k.export_s += r.timings.export.as_secs_f64();
        k.bytes += r.bytes;
        threads.template += r.timings.template;
        threads.compile += r.timings.compile;
        threads.export += r.timings.export;
        threads.write += r.timings.write;
        threads.ofd += r.timings.ofd;
    }
    let pdf_bytes: u64 = rendered.iter().map(|r| r.bytes as u64).sum();
    let ofd_bytes: u64 = rendered
        .iter()
        .filter_map(|r| r.ofd.as_ref())
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let volumes = timed(&mut stages, "volume", || {
        let v =
            volume::bind_reusing(&lb, &engine, &rendered, out).map_err(|e| anyhow::anyhow!(e))?;
        let pages = volume_pages(&rendered);
        let parts = v.len();
        Ok((v, parts, pages))
    })?;
    let packed = timed(&mut stages, "archive", || {
        let mut payload = archive::source_payload(&lb)?;
        payload.extend(archive::output_payload(out, &rendered, &volumes)?);
        let packed = archive::write_bag(&lb, payload, &archive::archive_path(&lb, out), None)?;
        let files = packed.files;
        Ok((packed, files, 0))
    })?;
    let total_s = all.elapsed().as_secs_f64();
    let report = timed(&mut stages, "verify", || {
        let report = verify::verify(&packed.path, &verify::VerifyOptions::default());
        let files = report.payload_files;
        Ok((report, files, 0))
    })?;
    if report.verdict != verify::Verdict::Intact {
        bail!("verify judged the archive {:?}", report.verdict);
    }
    let verify_s = stages.last().map(|s| s.wall_s).unwrap_or(0.0);
    let secs = |d: Duration| d.as_secs_f64();
    Ok(Run {
        stages,
        total_s,
        render_threads: ThreadTimes {
            template_s: secs(threads.template),
            compile_s: secs(threads.compile),
            export_s: secs(threads.export),
            write_s: secs(threads.write),
            ofd_s: secs(threads.ofd),
        },
        render_kinds: kinds,
        archive_bytes: packed.archive_bytes,
        payload_bytes: report.payload_bytes,
        verify_mb_s: report.payload_bytes as f64 / 1e6 / verify_s.max(1e-9),
        pdf_bytes,
        ofd_bytes,
        made_docs,
    })
}

/// The volume's pages: its bound documents' pages (cover and contents not counted).
fn volume_pages(rendered: &[render::Rendered]) -> usize {
    rendered
        .iter()
        .filter(|r| r.kind == "report" || r.kind == "sampling-sheet")
        .map(|r| r.pages)
        .sum()
}

/// The same generated sources compiled as one single document in process.
fn floor(
    engine: &Engine,
    sources: &[render::TypstSource],
    date: chrono::NaiveDate,
) -> Result<(f64, usize)> {
    // Each document in its own content block (its imports, set and show rules stay inside),
    // starting on a new page with its own page numbering.
    let mut text = String::new();
    for s in sources {
        text.push_str("#pagebreak(weak: true)\n#counter(page).update(1)\n#[\n");
        text.push_str(&s.text);
        text.push_str("\n]\n");
    }
    let doc = DocSource {
        main_name: "floor.typ".into(),
        label: "floor.typ".into(),
        ident: "floor".into(),
        date,
    };
    let started = Instant::now();
    let compiled = engine
        .install(|| engine.compile(&doc, text))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok((started.elapsed().as_secs_f64(), compiled.pages))
}

/// Writes every source with the library and font module beside it, as `--emit-typst` does,
/// and compiles a spread subset with the typst command, one process per document, as many
/// at once as there are cores.
fn cli(
    typst: &Path,
    engine: &Engine,
    sources: &[render::TypstSource],
    max_docs: usize,
    date: chrono::NaiveDate,
) -> Result<(f64, usize)> {
    let step = sources.len().div_ceil(max_docs.max(1)).max(1);
    let chosen: Vec<&render::TypstSource> = sources.iter().step_by(step).collect();
    for s in &chosen {
        render::write_typst(&s.dir, &s.name, &s.text, engine)?;
    }
    let fonts = concat!(env!("CARGO_MANIFEST_DIR"), "/fonts");
    let timestamp = date
        .and_hms_opt(0, 0, 0)
        .map(|d| d.and_utc().timestamp())
        .unwrap_or(0)
        .to_string();
    let next = AtomicUsize::new(0);
    let failed = std::sync::Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(s) = chosen.get(i) else { break };
                    let input = s.dir.join(&s.name);
                    let output = input.with_extension("cli.pdf");
                    let status = Command::new(typst)
                        .arg("compile")
                        .arg("--font-path")
                        .arg(fonts)
                        .arg("--ignore-system-fonts")
                        .arg("--pdf-standard")
                        .arg("a-2u")
                        .arg("--creation-timestamp")
                        .arg(&timestamp)
                        .arg(&input)
                        .arg(&output)
                        .output();
                    match status {
                        Ok(o) if o.status.success() => {}
                        Ok(o) => failed.lock().unwrap().push(format!(
                            "{}: {}",
                            input.display(),
                            String::from_utf8_lossy(&o.stderr)
                        )),
                        Err(e) => failed
                            .lock()
                            .unwrap()
                            .push(format!("{}: {e}", input.display())),
                    }
                }
            });
        }
    });
    let wall = started.elapsed().as_secs_f64();
    let failed = failed.into_inner().unwrap();
    if let Some(first) = failed.first() {
        bail!(
            "the typst command failed on {} documents; first: {first}",
            failed.len()
        );
    }
    Ok((wall, chosen.len()))
}

fn find_typst(given: Option<&Path>) -> Option<PathBuf> {
    let candidate = given
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("typst"));
    Command::new(&candidate)
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| candidate)
}

fn fmt_mib(m: Option<f64>) -> String {
    m.map_or("–".into(), |m| format!("{m:.0}"))
}

fn bench_size(args: &Args, work: &Path, n: usize) -> Result<SizeReport> {
    let dir = work.join(format!("n{n}"));
    let batch = dir.join("batch");
    let _ = std::fs::remove_dir_all(&dir);
    let started = Instant::now();
    let generated = synth::generate(&args.source, n, args.seed, &batch)
        .map_err(|e| anyhow::anyhow!(e))
        .context("generating the synthetic batch")?;
    let generate_s = started.elapsed().as_secs_f64();
    eprintln!(
        "{n} cases generated in {generate_s:.1} s: {}",
        generated
            .per_category
            .iter()
            .map(|(c, k)| format!("{c} {k}"))
            .collect::<Vec<_>>()
            .join("，")
    );

    let mut runs = Vec::new();
    let mut rebuilds = Vec::new();
    let mut reference_cli = Vec::new();
    let typst = (!args.no_cli)
        .then(|| find_typst(args.typst.as_deref()))
        .flatten();
    for r in 0..args.runs.max(1) {
        // The reference form first, in the same run, so that both see the same machine.
        if let Some(typst) = &typst {
            reference_cli.push(reference_by_cli(typst, &args.reference, &dir)?);
        }
        let out = dir.join(format!("out-{r}"));
        let run = run_once(&batch, &out, args.ofd)?;
        eprint!("  run {}: {:.2} s", r + 1, run.total_s);
        runs.push(run);
        if !args.no_rebuild {
            let (file, before) = change_one_case(&batch)?;
            let rebuilt = run_once(&batch, &out, args.ofd);
            std::fs::write(&file, before)?;
            let rebuilt = rebuilt?;
            eprint!(", rebuild after one case changed: {:.2} s", rebuilt.total_s);
            rebuilds.push(rebuilt);
        }
        eprintln!();
        // Keep the disk from filling on large batches: one output folder at a time.
        std::fs::remove_dir_all(&out).ok();
    }
    let reference_in_process_s = reference_in_process(&args.reference, &batch).ok();
    let first = &runs[0];
    let median_stage = |i: usize| Stage {
        name: first.stages[i].name,
        wall_s: median(runs.iter().map(|r| r.stages[i].wall_s).collect()),
        docs: first.stages[i].docs,
        pages: first.stages[i].pages,
        // The first run's: the allocator keeps what it freed for reuse, so a later run's
        // high-water mark starts from what the runs before it left resident.
        peak_mib: first.stages[i].peak_mib,
    };
    let median_stages: Vec<Stage> = (0..first.stages.len()).map(median_stage).collect();
    let median_total_s = median(runs.iter().map(|r| r.total_s).collect());
    let render_i = 2;
    let documents = first.stages[render_i].docs;
    let pages = first.stages[render_i].pages;
    let median_compile_work_s = median(
        runs.iter()
            .map(|r| r.stages[0].wall_s + r.stages[render_i].wall_s)
            .collect(),
    );

    // The references compile the sources our run generated, in the same process or machine.
    let engine = Engine::new(&FontOptions::default(), PdfSettings::default());
    let lb = load::load(&batch).map_err(|d| anyhow::anyhow!("{d}"))?;
    let typ_out = dir.join("typ");
    let sources = render::typst_sources(
        &lb,
        &engine,
        &RenderOptions {
            out: typ_out.clone(),
            ..RenderOptions::default()
        },
    )?;
    let ours = median_compile_work_s;

    let floor = if args.no_floor || sources.len() > args.floor_max_docs {
        eprintln!("  floor skipped ({} documents)", sources.len());
        None
    } else {
        reset_peak();
        let (wall, floor_pages) = floor(&engine, &sources, lb.batch.issued_on)?;
        Some(Reference {
            wall_s: wall,
            docs_compiled: sources.len(),
            wall_all_s: wall,
            peak_mib: peak_mib(),
            ratio: ours / wall,
            note: format!("one document of {floor_pages} pages"),
        })
    };

    let cli = if args.no_cli {
        None
    } else if let Some(typst) = &typst {
        let (wall, compiled) = cli(
            typst,
            &engine,
            &sources,
            args.cli_max_docs,
            lb.batch.issued_on,
        )?;
        let all = wall * sources.len() as f64 / compiled as f64;
        Some(Reference {
            wall_s: wall,
            docs_compiled: compiled,
            wall_all_s: all,
            peak_mib: None,
            ratio: all / ours,
            note: if compiled < sources.len() {
                format!(
                    "{compiled} of {} documents compiled, time scaled up",
                    sources.len()
                )
            } else {
                format!("all {compiled} documents")
            },
        })
    } else {
        eprintln!(
            "  the typst command was not found: comparison skipped (install it with `cargo install typst-cli --version ^0.15 --locked`, or give --typst PATH)"
        );
        None
    };
    std::fs::remove_dir_all(&typ_out).ok();

    let median_rebuild_s =
        (!rebuilds.is_empty()).then(|| median(rebuilds.iter().map(|r| r.total_s).collect()));
    let rebuilt_docs = rebuilds.first().map_or(0, |r| r.made_docs);
    Ok(SizeReport {
        cases: n,
        documents,
        pages,
        generate_s,
        runs,
        median: median_stages,
        median_total_s,
        median_compile_work_s,
        floor,
        cli,
        rebuilds,
        median_rebuild_s,
        rebuilt_docs,
        reference_cli_s: (!reference_cli.is_empty()).then(|| median(reference_cli)),
        reference_in_process_s,
    })
}

/// Changes one case of the batch as a clerk would (the middle case's telephone number), and
/// returns its file and what it held before.
fn change_one_case(batch: &Path) -> Result<(PathBuf, String)> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(batch.join(load::CASES_DIR))
        .into_iter()
        .filter_map(|e| e.ok().map(walkdir::DirEntry::into_path))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    // The first case from the middle on with a quoted telephone number: its last digit
    // another.
    let key = "  phone: ";
    for file in files.iter().skip(files.len() / 2) {
        let before = std::fs::read_to_string(file)?;
        let Some(at) = before.find(key).map(|i| i + key.len()) else {
            continue;
        };
        if !before[at..].starts_with(['"', '\'']) {
            continue;
        }
        let Some(last) = before[at + 1..].find(['"', '\'']).map(|i| at + i) else {
            continue;
        };
        let Some(d) = before[..last].chars().last().and_then(|c| c.to_digit(10)) else {
            continue;
        };
        let changed = format!("{}{}{}", &before[..last - 1], (d + 1) % 10, &before[last..]);
        std::fs::write(file, &changed)?;
        return Ok((file.clone(), before));
    }
    bail!("no case of the batch has a telephone number to change")
}

/// The reference form compiled by the typst command as its README says, in seconds.
fn reference_by_cli(typst: &Path, form: &Path, dir: &Path) -> Result<f64> {
    let fonts = concat!(env!("CARGO_MANIFEST_DIR"), "/fonts");
    let started = Instant::now();
    let out = Command::new(typst)
        .arg("compile")
        .arg("--font-path")
        .arg(fonts)
        .arg("--ignore-system-fonts")
        .arg(form)
        .arg(dir.join("reference-form.pdf"))
        .output()
        .with_context(|| format!("running {}", typst.display()))?;
    let wall = started.elapsed().as_secs_f64();
    if !out.status.success() {
        bail!(
            "the typst command failed on {}: {}",
            form.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(wall)
}

/// The reference form compiled and exported in process by a fresh engine, in seconds.
fn reference_in_process(form: &Path, batch: &Path) -> Result<f64> {
    let text = std::fs::read_to_string(form)?;
    let lb = load::load(batch).map_err(|d| anyhow::anyhow!("{d}"))?;
    let started = Instant::now();
    let engine = Engine::new(&FontOptions::default(), PdfSettings::default());
    let doc = DocSource {
        main_name: "reference-form.typ".into(),
        label: "reference-form.typ".into(),
        ident: "reference-form".into(),
        date: lb.batch.issued_on,
    };
    engine
        .install(|| engine.compile(&doc, text))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(started.elapsed().as_secs_f64())
}

fn print_report(s: &SizeReport) {
    println!(
        "\n## {} cases: {} documents, {} pages (median of {} runs)\n",
        s.cases,
        s.documents,
        s.pages,
        s.runs.len()
    );
    println!("| stage | wall s | docs/s | pages/s | peak MiB (first run) |");
    println!("|---|---:|---:|---:|---:|");
    for st in &s.median {
        let rate = |k: usize| {
            if k == 0 {
                "".to_string()
            } else {
                format!("{:.0}", k as f64 / st.wall_s.max(1e-9))
            }
        };
        println!(
            "| {} | {:.2} | {} | {} | {} |",
            st.name,
            st.wall_s,
            rate(st.docs),
            rate(st.pages),
            fmt_mib(st.peak_mib)
        );
    }
    println!(
        "| **total (engine to archive)** | **{:.2}** | {:.0} | {:.0} | |",
        s.median_total_s,
        s.documents as f64 / s.median_total_s,
        s.pages as f64 / s.median_total_s
    );
    let t = &s.runs[0].render_threads;
    let sum = t.template_s + t.compile_s + t.export_s + t.write_s;
    let pct = |x: f64| 100.0 * x / sum.max(1e-9);
    println!(
        "\nRendering, thread time of the first run ({sum:.1} s on all workers): template {:.0} %, Typst layout {:.0} %, PDF export {:.0} %, writing {:.0} %.",
        pct(t.template_s),
        pct(t.compile_s),
        pct(t.export_s),
        pct(t.write_s)
    );
    if s.runs.iter().any(|r| r.ofd_bytes > 0) {
        let median = |f: &dyn Fn(&Run) -> f64| {
            let mut v: Vec<f64> = s.runs.iter().map(f).collect();
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let ofd = median(&|r| r.render_threads.ofd_s);
        let pdf = median(&|r| r.render_threads.export_s);
        let r = &s.runs[0];
        println!(
            "\nOFD (median thread time over the runs): {ofd:.2} s beside the PDF export's {pdf:.2} s ({:.0} %); {:.1} MB of OFD beside {:.1} MB of PDF.",
            100.0 * ofd / pdf.max(1e-9),
            r.ofd_bytes as f64 / 1e6,
            r.pdf_bytes as f64 / 1e6
        );
    }
    println!(
        "\n| kind | docs | pages | layout ms/doc | export ms/doc | layout ms/page | export ms/page | KB/doc | share of thread time |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut kinds = s.runs[0].render_kinds.clone();
    kinds.sort_by(|a, b| (b.layout_s + b.export_s).total_cmp(&(a.layout_s + a.export_s)));
    for k in &kinds {
        let n = k.docs.max(1) as f64;
        let p = k.pages.max(1) as f64;
        println!(
            "| {} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.0} | {:.0} % |",
            k.kind,
            k.docs,
            k.pages,
            1e3 * k.layout_s / n,
            1e3 * k.export_s / n,
            1e3 * k.layout_s / p,
            1e3 * k.export_s / p,
            k.bytes as f64 / 1024.0 / n,
            pct(k.layout_s + k.export_s)
        );
    }
    println!(
        "\nVerify: {:.0} MB/s over {:.1} MB of payload (archive {:.1} MB).",
        median(s.runs.iter().map(|r| r.verify_mb_s).collect()),
        s.runs[0].payload_bytes as f64 / 1e6,
        s.runs[0].archive_bytes as f64 / 1e6
    );
    if let Some(rebuild) = s.median_rebuild_s {
        let r = &s.rebuilds[0];
        println!(
            "\nRebuild of the same output folder after one case changed: {rebuild:.2} s (median), {:.2}× the whole build; {} of {} documents made again, the rest reused.",
            rebuild / s.median_total_s.max(1e-9),
            s.rebuilt_docs,
            s.documents
        );
        println!("\n| stage of the rebuild (first run) | wall s |\n|---|---:|");
        for st in &r.stages {
            println!("| {} | {:.2} |", st.name, st.wall_s);
        }
    }
    println!("\nThe fixed reference form (scripts/reference-form.typ, 300 pages), same run:");
    match s.reference_cli_s {
        Some(t) => println!(
            "- by the typst command: {t:.2} s (median): the whole build is {:.1}× it",
            s.median_total_s / t.max(1e-9)
        ),
        None => println!("- by the typst command: skipped (not found, or --no-cli)"),
    }
    if let Some(t) = s.reference_in_process_s {
        println!(
            "- in process (engine start, layout, export): {t:.2} s: the whole build is {:.1}× it",
            s.median_total_s / t.max(1e-9)
        );
    }
    println!(
        "\nCompared with: engine start + render = {:.2} s (median)",
        s.median_compile_work_s
    );
    match &s.floor {
        Some(f) => println!(
            "- floor, the same pages as one document in process: {:.2} s ({}, peak {} MiB): ours is {:.2}× the floor",
            f.wall_s,
            f.note,
            fmt_mib(f.peak_mib),
            f.ratio
        ),
        None => println!("- floor: skipped"),
    }
    match &s.cli {
        Some(c) => println!(
            "- the typst command, one process per document: {:.1} s for all ({}): ours is {:.1}× faster",
            c.wall_all_s, c.note, c.ratio
        ),
        None => println!("- the typst command: skipped"),
    }
}

fn main() -> Result<()> {
    spotcheck::allocator::tune();
    let args = Args::parse();
    if let Some(dir) = &args.generate {
        let n = args.cases.first().copied().unwrap_or(119);
        let g = synth::generate(&args.source, n, args.seed, dir).map_err(|e| anyhow::anyhow!(e))?;
        println!("{} cases written to {}", g.cases, g.root.display());
        return Ok(());
    }
    let temp;
    let work = match &args.work {
        Some(w) => {
            std::fs::create_dir_all(w)?;
            w.clone()
        }
        None => {
            temp = tempfile::tempdir()?;
            temp.path().to_path_buf()
        }
    };
    println!(
        "# spotcheck-bench {}: {} cores, sizes {:?}",
        env!("CARGO_PKG_VERSION"),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        args.cases
    );
    let mut reports = Vec::new();
    for &n in &args.cases {
        let r = bench_size(&args, &work, n)?;
        print_report(&r);
        reports.push(r);
    }
    if reports.len() > 1 {
        println!(
            "\n## Growth\n\n| cases | total s | ms per case | peak MiB (largest stage) |\n|---:|---:|---:|---:|"
        );
        for r in &reports {
            let peak = r
                .median
                .iter()
                .filter_map(|s| s.peak_mib)
                .fold(0.0, f64::max);
            println!(
                "| {} | {:.1} | {:.1} | {:.0} |",
                r.cases,
                r.median_total_s,
                1000.0 * r.median_total_s / r.cases as f64,
                peak
            );
        }
    }
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&reports)?)?;
    }
    Ok(())
}
