//! Long jobs of the work pages (import, pack, build, verify) and their progress.
//!
//! A job runs on a thread of its own ([`Jobs::spawn`]) and reports through its [`Job`]: the
//! phase, the steps done of the phase's total (what the library's [`Progress`] tells), the
//! lines it has to show (made in each language, so that a page shows them in its own), and, once
//! finished, whether it succeeded and the files it made. The files are paths inside the output
//! folder chosen by the job, never by the user; a page asks for them by the job's id and their
//! index. Only one build runs at a time ([`Jobs::start_build`]).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Serialize;

use spotcheck_core::messages::Lang;
use spotcheck_core::progress::{Phase, Progress};

/// What a line of a job is about, for its look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    /// What was done.
    Info,
    /// The result, good.
    Ok,
    /// What departs from a recommendation.
    Warning,
    /// What is wrong.
    Error,
}

/// One line a job shows, in each language (a page asks in its own).
#[derive(Debug, Clone)]
pub struct Line {
    pub(crate) tone: Tone,
    text: [String; 2],
}

impl Line {
    /// The line in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        &self.text[usize::from(lang == Lang::En)]
    }
}

/// `f` in each language, Chinese first.
fn both(f: impl Fn(Lang) -> String) -> [String; 2] {
    [f(Lang::Zh), f(Lang::En)]
}

/// How many of a job's first lines are kept.
pub(crate) const HEAD_LINES: usize = 400;

/// How many of a job's last lines are kept after the first [`HEAD_LINES`].
pub(crate) const TAIL_LINES: usize = 100;

/// A file a job made, offered for download.
#[derive(Debug, Clone)]
pub struct Made {
    /// Inside the output folder.
    pub path: PathBuf,
    /// What the link says.
    pub label: String,
}

/// Where a job stands.
#[derive(Debug, Clone, Default)]
pub struct Status {
    /// The phase's name, in each language.
    phase: [String; 2],
    pub done: u64,
    /// 0 when the stage's length is not known.
    pub total: u64,
    /// The first [`HEAD_LINES`] lines.
    pub lines: Vec<Line>,
    /// The last [`TAIL_LINES`] lines after those, when there are more.
    pub tail: std::collections::VecDeque<Line>,
    /// How many lines between the two are not kept.
    pub(crate) omitted: u64,
    pub finished: bool,
    /// Whether it did what was asked (meaningful once finished).
    pub ok: bool,
    pub made: Vec<Made>,
}

/// One job.
pub struct Job {
    pub id: u64,
    /// `import`, `pack`, `build` or `verify`.
    pub kind: &'static str,
    status: Mutex<Status>,
}

impl Status {
    /// The phase's name in `lang`; empty before the first phase.
    pub fn phase(&self, lang: Lang) -> &str {
        &self.phase[usize::from(lang == Lang::En)]
    }
}

impl Job {
    fn status_mut(&self) -> MutexGuard<'_, Status> {
        // A job that panicked while holding the lock left a status that is still readable.
        self.status.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A copy of where it stands.
    pub fn status(&self) -> Status {
        self.status_mut().clone()
    }

    /// A new phase, named `name` in each language, of `total` steps (0: unknown).
    pub fn phase(&self, name: impl Fn(Lang) -> String, total: u64) {
        let phase = both(name);
        let mut s = self.status_mut();
        s.phase = phase;
        s.done = 0;
        s.total = total;
    }

    /// A line to show, `text` in each language. A job keeps its first [`HEAD_LINES`] lines and
    /// its last [`TAIL_LINES`], and counts those between: a batch with a hundred thousand
    /// findings does not make a page of a hundred thousand lines.
    pub fn say(&self, tone: Tone, text: impl Fn(Lang) -> String) {
        let line = Line {
            tone,
            text: both(text),
        };
        let mut s = self.status_mut();
        if s.lines.len() < HEAD_LINES {
            s.lines.push(line);
            return;
        }
        s.tail.push_back(line);
        if s.tail.len() > TAIL_LINES {
            s.tail.pop_front();
            s.omitted += 1;
        }
    }

    /// A file made, to offer.
    pub fn made(&self, path: PathBuf, label: impl Into<String>) {
        self.status_mut().made.push(Made {
            path,
            label: label.into(),
        });
    }

    /// The job is over; `ok` whether it did what was asked.
    pub fn finish(&self, ok: bool) {
        let mut s = self.status_mut();
        s.finished = true;
        s.ok = ok;
        if s.total > 0 && ok {
            s.done = s.total;
        }
    }
}

/// The library's phases, drawn on the job's page.
impl Progress for Job {
    fn start(&self, phase: Phase, total: u64) {
        self.phase(|lang| phase.label().template(lang).to_string(), total);
    }

    fn tick(&self, _phase: Phase) {
        self.status_mut().done += 1;
    }

    fn finish(&self, _phase: Phase) {
        let mut s = self.status_mut();
        s.done = s.total;
    }
}

/// Every job of the server.
#[derive(Default)]
pub struct Jobs {
    next: AtomicU64,
    all: Mutex<BTreeMap<u64, Arc<Job>>>,
    building: AtomicBool,
    /// The id of the build running, when one is.
    build_id: AtomicU64,
}

impl Jobs {
    /// The job of `id`.
    pub fn get(&self, id: u64) -> Option<Arc<Job>> {
        self.all
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .cloned()
    }

    /// A new job, registered, not started.
    pub(crate) fn new_job(&self, kind: &'static str) -> Arc<Job> {
        let id = self.next.fetch_add(1, Ordering::SeqCst) + 1;
        let job = Arc::new(Job {
            id,
            kind,
            status: Mutex::new(Status::default()),
        });
        self.all
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, job.clone());
        job
    }

    /// Takes the one build's place for job `id`, or gives the id of the build that holds it.
    pub(crate) fn start_build(&self, id: u64) -> Result<(), u64> {
        match self
            .building
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
        {
            Ok(_) => {
                self.build_id.store(id, Ordering::SeqCst);
                Ok(())
            }
            Err(_) => Err(self.build_id.load(Ordering::SeqCst)),
        }
    }

    /// Forgets a job that was never started.
    pub(crate) fn forget(&self, id: u64) {
        self.all
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id);
    }

    /// Every job, the latest first.
    pub fn list(&self) -> Vec<Arc<Job>> {
        let all = self.all.lock().unwrap_or_else(|e| e.into_inner());
        all.values().rev().cloned().collect()
    }

    /// Frees the build slot (the build job, when it ends).
    pub(crate) fn build_done(&self) {
        self.building.store(false, Ordering::SeqCst);
    }

    /// Runs `work` for `job` on a thread of its own. A panic is caught and shown as a failed
    /// job, never taking the server down.
    pub fn spawn(job: Arc<Job>, work: impl FnOnce(&Job) -> bool + Send + 'static) {
        let j = job.clone();
        let run = move || {
            let ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&j)));
            match ok {
                Ok(ok) => j.finish(ok),
                Err(_) => {
                    j.say(Tone::Error, |l| {
                        super::text::get(l, "work_job_panicked").to_string()
                    });
                    j.finish(false);
                }
            }
        };
        // 64 MiB, as the renderer's own threads: long documents need deep stacks.
        if std::thread::Builder::new()
            .name(format!("spotcheck-job-{}", job.id))
            .stack_size(64 << 20)
            .spawn(run)
            .is_err()
        {
            job.say(Tone::Error, |l| {
                super::text::get(l, "work_job_panicked").to_string()
            });
            job.finish(false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_keeps_its_first_and_last_lines_and_counts_those_between() {
        let jobs = Jobs::default();
        let job = jobs.new_job("import");
        let n = HEAD_LINES + TAIL_LINES + 1234;
        for i in 0..n {
            job.say(Tone::Error, |_| format!("line {i}"));
        }
        let s = job.status();
        assert_eq!(s.lines.len(), HEAD_LINES);
        assert_eq!(s.tail.len(), TAIL_LINES);
        assert_eq!(s.omitted, 1234);
        assert_eq!(s.lines[0].text(Lang::Zh), "line 0");
        assert_eq!(
            s.tail.back().unwrap().text(Lang::En),
            format!("line {}", n - 1)
        );
        assert_eq!(
            s.tail.front().unwrap().text(Lang::Zh),
            format!("line {}", HEAD_LINES + 1234)
        );
    }
}
