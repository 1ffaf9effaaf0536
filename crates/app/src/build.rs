//! The whole job for a batch: check it, render every document, bind the volume, write the
//! summary table, and pack the archive `OUT/<batch id>.zip`. A batch with check errors is
//! refused before anything is written; every input problem that can be found early (a bad key,
//! a missing evidence file) is found before the long rendering starts.

use std::path::PathBuf;

use spotcheck_archive::sign::{SignError, SigningKey};
use spotcheck_archive::{self as archive, ArchiveError, WrittenBag};
use spotcheck_core::diag::{Diagnostic, Diagnostics};
use spotcheck_core::messages::{Lang, Message};
use spotcheck_core::progress::{Phase, Progress, Silent};
use spotcheck_documents::engine::Engine;
use spotcheck_documents::render::{self, RenderError, RenderOptions, Rendered};
use spotcheck_input::load::LoadedBatch;

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub out: PathBuf,
    /// Sign the archive with these minisign secret key files: the first the signature of
    /// record, the others co-signatures (each lab of a batch by its own key).
    pub sign: Vec<PathBuf>,
    /// Sign the reports and result notices as PDF signatures with this certificate.
    pub sign_pdf: Option<std::sync::Arc<spotcheck_documents::pdfsign::PdfSigner>>,
    /// The passphrase of the encrypted secret keys.
    pub passphrase: Option<String>,
    /// Templates in this folder replace the built-in ones of the same name.
    pub templates: Option<PathBuf>,
    /// Also write each document as OFD beside its PDF.
    pub ofd: bool,
    /// The final archive: refused while anything of the batch is open
    /// ([`spotcheck_archive::records::open_items`]).
    pub final_archive: bool,
    /// Reuse the documents of an earlier build in `out` whose inputs are unchanged
    /// ([`spotcheck_documents::cache`]).
    pub reuse: bool,
}

/// What was built.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub rendered: Vec<Rendered>,
    /// The volume's file, or its parts in order for a large batch.
    pub volume: Vec<PathBuf>,
    pub archive: WrittenBag,
    /// Whether the summary table and the analysis report were made undated (no
    /// `analysis_submitted_on`): said, since their date line is then blank.
    pub(crate) undated_analysis: bool,
    /// What was still open when the bag was made (the archive is marked 未完结), in Chinese
    /// and English.
    pub open: [Vec<String>; 2],
}

/// Why the build stopped.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{}", spotcheck_core::msg!(BuildRefused, findings = .0.to_string()))]
    Check(Diagnostics),
    #[error("{}", spotcheck_core::msg!(BuildKey, error = .0.message()))]
    Key(#[from] SignError),
    #[error("{0}")]
    Archive(#[from] ArchiveError),
    #[error("{0}")]
    Render(#[from] RenderError),
    #[error("{}", spotcheck_core::msg!(BuildVolume, error = .0.clone()))]
    Volume(spotcheck_core::messages::Message),
    /// `--final` asked, and these are open (in Chinese and English).
    #[error("{}", spotcheck_core::msg!(BuildNotFinal, open = .0[0].join("\n")))]
    NotFinal([Vec<String>; 2]),
    /// One key given twice to `--sign` (by two files of one key, or one file twice).
    #[error("{}", spotcheck_core::msg!(BuildSameKey, first = .first, again = .again))]
    SameKey { first: PathBuf, again: PathBuf },
}

impl BuildError {
    /// Whether what was given cannot be used at all (exit 2: a bad key, an unknown kind or
    /// case, templates that do not parse), rather than the batch having errors or the run
    /// failing (exit 1). Findings in the batch (rules, a character no font draws, a missing
    /// evidence file) give 1, as `check` and `render` do.
    pub fn is_input_error(&self) -> bool {
        matches!(
            self,
            BuildError::Key(_)
                | BuildError::SameKey { .. }
                | BuildError::Render(RenderError::Selection(_) | RenderError::Templates(_))
        )
    }

    /// Whether the batch itself has errors: findings of the rules, of the fonts or of the
    /// evidence.
    pub fn is_finding(&self) -> bool {
        matches!(
            self,
            BuildError::Check(_)
                | BuildError::NotFinal(_)
                | BuildError::Archive(ArchiveError::Evidence(_))
                | BuildError::Render(RenderError::Uncovered(_))
        )
    }
}

impl BuildError {
    /// Why the build stopped, as `build` says it, in `lang`: the findings one a line and their
    /// count, or the one reason.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let m = match self {
            BuildError::Check(d) => {
                return vec![
                    spotcheck_core::msg!(BuildCheck, findings = d.in_lang(lang)).in_lang(lang),
                    spotcheck_core::msg!(BuildCheckCount, errors = d.0.len()).in_lang(lang),
                ];
            }
            BuildError::Key(k) => spotcheck_core::msg!(BuildKey, error = k.message()),
            BuildError::SameKey { first, again } => {
                spotcheck_core::msg!(BuildSameKey, first = first, again = again)
            }
            BuildError::Volume(v) => spotcheck_core::msg!(BuildVolume, error = v.clone()),
            // An unknown kind or case: an error of what was asked.
            BuildError::Render(RenderError::Selection(m)) => {
                spotcheck_core::msg!(CliError, error = m.clone())
            }
            BuildError::Render(r) => return vec![r.in_lang(lang)],
            BuildError::Archive(a) => return vec![a.in_lang(lang)],
            BuildError::NotFinal(open) => {
                let open = &open[usize::from(lang == Lang::En)];
                spotcheck_core::msg!(BuildNotFinal, open = open.join("\n"))
            }
        };
        vec![m.in_lang(lang)]
    }
}

impl BuildReport {
    /// What `build` says of a finished build: documents and pages, the volume, the archive.
    pub fn messages(&self) -> Vec<Message> {
        let pages: usize = self.rendered.iter().map(|d| d.pages).sum();
        let a = &self.archive;
        let archive = if a.signed {
            spotcheck_core::msg!(
                BuildArchiveSignedAt,
                path = &a.path,
                files = a.files,
                bytes = a.payload_bytes
            )
        } else {
            spotcheck_core::msg!(
                BuildArchiveAt,
                path = &a.path,
                files = a.files,
                bytes = a.payload_bytes
            )
        };
        std::iter::once(spotcheck_core::msg!(
            BuildDone,
            documents = self.rendered.len(),
            pages = pages
        ))
        .chain(reused(&self.rendered))
        .chain(
            self.volume
                .iter()
                .map(|v| spotcheck_core::msg!(BuildVolumeAt, path = v)),
        )
        .chain(std::iter::once(archive))
        .chain(
            self.undated_analysis
                .then(|| spotcheck_core::msg!(BuildAnalysisUndated)),
        )
        .chain(
            (!self.open[0].is_empty())
                .then(|| spotcheck_core::msg!(BuildArchiveOpen, open = self.open[0].join("；"))),
        )
        .collect()
    }
}

/// `其中 N 份…沿用了上次的文件`, when any document was reused.
pub fn reused(rendered: &[Rendered]) -> Option<Message> {
    let n = rendered.iter().filter(|r| r.reused).count();
    (n > 0).then(|| spotcheck_core::msg!(BuildReused, reused = n))
}

/// The errors that stop documents being made for a selection of cases, found before anything
/// is written. Warnings are never among them.
#[derive(Debug, Clone, Default)]
pub struct Preflight {
    /// Errors of the rules of the notice ([`spotcheck_rules`]) in `batch.yaml` and in the selected
    /// cases' files: drafts can still be made (`render --allow-errors`).
    pub rules: Vec<Diagnostic>,
    /// Values of `batch.yaml` and of the selected cases with a character no font draws: no
    /// document can be made, draft or not.
    pub fonts: Vec<Diagnostic>,
}

impl Preflight {
    /// Whether documents may be made: no error at all, or, when `drafts` are asked for, errors
    /// of the rules only.
    pub fn passes(&self, drafts: bool) -> bool {
        self.fonts.is_empty() && (drafts || self.rules.is_empty())
    }

    /// Every error, those of the rules first.
    pub fn errors(&self) -> Diagnostics {
        Diagnostics(self.rules.iter().chain(&self.fonts).cloned().collect())
    }
}

/// The checks before documents are made for `cases` (every case and the batch's own documents
/// when empty): the rules of the notice, whose errors count in `batch.yaml` and in the selected
/// cases' files ([`spotcheck_rules::blocking`]), and the font coverage of every value of those
/// files. `render` asks it for its selection, [`build`] (through [`preflight`]) for the whole
/// batch.
pub fn preflight_for(lb: &LoadedBatch, engine: &Engine, cases: &[String]) -> Preflight {
    let found = spotcheck_rules::check(lb);
    let rules = spotcheck_rules::blocking(lb, &found, cases)
        .into_iter()
        .cloned()
        .collect();
    let fonts = render::check_coverage(lb, engine, cases);
    Preflight { rules, fonts }
}

/// The checks a batch must pass before anything is built: [`preflight_for`] the whole batch,
/// with no drafts. Only errors stop it, warnings do not.
pub fn preflight(lb: &LoadedBatch, engine: &Engine) -> Result<(), Diagnostics> {
    let found = preflight_for(lb, engine, &[]);
    if found.passes(false) {
        Ok(())
    } else {
        Err(found.errors())
    }
}

/// Builds everything for a loaded batch into `opts.out`.
pub fn build(
    lb: &LoadedBatch,
    engine: &Engine,
    opts: &BuildOptions,
) -> Result<BuildReport, BuildError> {
    build_with(lb, engine, opts, &Silent)
}

/// [`build`], telling `progress` where it stands.
pub fn build_with(
    lb: &LoadedBatch,
    engine: &Engine,
    opts: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    preflight(lb, engine).map_err(BuildError::Check)?;
    let open = [
        spotcheck_archive::records::open_items(lb, spotcheck_core::messages::Lang::Zh),
        spotcheck_archive::records::open_items(lb, spotcheck_core::messages::Lang::En),
    ];
    if opts.final_archive && !open[0].is_empty() {
        return Err(BuildError::NotFinal(open));
    }
    let signers = opts
        .sign
        .iter()
        .map(|k| SigningKey::from_file_with(k, opts.passphrase.as_deref()))
        .collect::<Result<Vec<_>, _>>()?;
    for (k, key) in signers.iter().enumerate() {
        if let Some(first) = signers[..k].iter().position(|o| o.key_id() == key.key_id()) {
            return Err(BuildError::SameKey {
                first: opts.sign[first].clone(),
                again: opts.sign[k].clone(),
            });
        }
    }
    let mut payload = archive::source_payload(lb)?;

    let render_opts = RenderOptions {
        out: opts.out.clone(),
        templates: opts.templates.clone(),
        ofd: opts.ofd,
        sign_pdf: opts.sign_pdf.clone(),
        reuse: opts.reuse,
        ..RenderOptions::default()
    };
    let rendered = render::render_with(lb, engine, &render_opts, progress)?;
    progress.start(Phase::Volume, 0);
    let volume = if opts.reuse {
        spotcheck_documents::volume::bind_reusing(lb, engine, &rendered, &opts.out)
    } else {
        spotcheck_documents::volume::bind(lb, engine, &rendered, &opts.out)
    }
    .map_err(BuildError::Volume)?;
    progress.finish(Phase::Volume);
    progress.start(Phase::Archive, 0);

    payload.extend(archive::output_payload(&opts.out, &rendered, &volume)?);
    // The 归档文件目录 of every document, in the payload like them.
    let parts: Vec<(PathBuf, usize)> = volume
        .iter()
        .map(|p| (p.clone(), archive::catalogue::page_count(p)))
        .collect();
    let rows = archive::catalogue::entries(lb, &opts.out, &rendered, &parts);
    payload.extend(
        archive::catalogue::write(lb, engine, &rows, &opts.out).map_err(BuildError::Volume)?,
    );
    let packed = archive::write_bag_with(
        lb,
        payload,
        &archive::archive_path(lb, &opts.out),
        &signers.iter().collect::<Vec<_>>(),
        &rows,
    )?;
    progress.finish(Phase::Archive);
    // Temporary files of an earlier run killed while writing are of no use now.
    spotcheck_core::output::remove_leftovers(&opts.out);
    Ok(BuildReport {
        rendered,
        volume,
        archive: packed,
        undated_analysis: lb.batch.analysis_submitted_on.is_none(),
        open,
    })
}
