//! The whole job for a batch: check it, render every document, bind the volume, write the
//! summary table, and pack the archive `OUT/<batch id>.zip`. A batch with check errors is
//! refused before anything is written; every input problem that can be found early (a bad key,
//! a missing evidence file) is found before the long rendering starts.

use std::path::PathBuf;

use crate::archive::sign::{SignError, SigningKey};
use crate::archive::{self, ArchiveError, Packed};
use crate::diag::{Diagnostics, Severity};
use crate::documents::engine::Engine;
use crate::documents::render::{self, RenderError, RenderOptions, Rendered};
use crate::input::load::LoadedBatch;
use crate::progress::{Progress, Silent, Stage};

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub out: PathBuf,
    /// Sign the archive with this minisign secret key file.
    pub sign: Option<PathBuf>,
    /// Templates in this folder replace the built-in ones of the same name.
    pub templates: Option<PathBuf>,
}

/// What was built.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub rendered: Vec<Rendered>,
    /// The volume's file, or its parts in order for a large batch.
    pub volume: Vec<PathBuf>,
    pub archive: Packed,
}

/// Why the build stopped.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{}", crate::msg!(BuildRefused, findings = .0.to_string()))]
    Check(Diagnostics),
    #[error("{}", crate::msg!(BuildKey, error = .0.message()))]
    Key(#[from] SignError),
    #[error("{0}")]
    Archive(#[from] ArchiveError),
    #[error("{0}")]
    Render(#[from] RenderError),
    #[error("{}", crate::msg!(BuildVolume, error = .0.clone()))]
    Volume(crate::messages::Message),
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
                | BuildError::Render(RenderError::Selection(_) | RenderError::Templates(_))
        )
    }

    /// Whether the batch itself has errors: findings of the rules, of the fonts or of the
    /// evidence.
    pub fn is_finding(&self) -> bool {
        matches!(
            self,
            BuildError::Check(_)
                | BuildError::Archive(ArchiveError::Evidence(_))
                | BuildError::Render(RenderError::Uncovered(_))
        )
    }
}

/// The checks a batch must pass before anything is built: the rules of the notice
/// ([`crate::rules`]) and the font coverage of every value. Only errors stop it, warnings do
/// not.
pub fn preflight(lb: &LoadedBatch, engine: &Engine) -> Result<(), Diagnostics> {
    let mut found = crate::rules::check(lb);
    found.extend(render::check_coverage(lb, engine, &[]));
    let errors: Vec<_> = found
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(errors))
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
    let signer = opts
        .sign
        .as_deref()
        .map(SigningKey::from_file)
        .transpose()?;
    let mut payload = archive::source_payload(lb)?;

    let render_opts = RenderOptions {
        out: opts.out.clone(),
        templates: opts.templates.clone(),
        ..RenderOptions::default()
    };
    let rendered = render::render_with(lb, engine, &render_opts, progress)?;
    progress.start(Stage::Volume, 0);
    let volume = crate::documents::volume::bind(lb, engine, &rendered, &opts.out)
        .map_err(BuildError::Volume)?;
    progress.finish(Stage::Volume);
    progress.start(Stage::Archive, 0);

    payload.extend(archive::output_payload(&opts.out, &rendered, &volume)?);
    let packed = archive::pack(
        lb,
        payload,
        &archive::archive_path(lb, &opts.out),
        signer.as_ref(),
    )?;
    progress.finish(Stage::Archive);
    // Temporary files of an earlier run killed while writing are of no use now.
    crate::output::remove_leftovers(&opts.out);
    Ok(BuildReport {
        rendered,
        volume,
        archive: packed,
    })
}
