//! Unit tests of the command line: the help of every command and option in both languages,
//! and the exit code of every command through parse, `main`'s dispatch and the one place that
//! chooses it.

mod help {
    use spotcheck::messages::Lang;

    use crate::cli::text::command;

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

/// The exit code of every command, through the one place that chooses it: 1 when the batch has
/// errors, 2 when what was given cannot be used.
mod exits {
    use std::path::Path;

    use spotcheck::messages::Lang;

    use crate::cli::{Exit, text};

    /// A copy of the first sample batch as `dir`, with `old` replaced by `new` in `file`.
    fn sample_as(dir: &Path, (file, old, new): (&str, &str, &str)) {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/jincheng-2023-1");
        for entry in walkdir::WalkDir::new(&sample) {
            let entry = entry.unwrap();
            let target = dir.join(entry.path().strip_prefix(&sample).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(old), "{file}: {old}");
        std::fs::write(&path, text.replacen(old, new, 1)).unwrap();
    }

    /// `spotcheck ARGS` parsed and run as `main` does: its exit, and what it shows.
    fn run(args: &[&str]) -> (Exit, Vec<(&'static str, String)>) {
        let args = ["spotcheck", "--lang", "en", "--quiet"]
            .iter()
            .chain(args)
            .map(Into::into)
            .collect();
        let outcome = match text::parse(args) {
            Ok((command, ui)) => crate::run(command, ui),
            Err((refused, _)) => refused,
        };
        (outcome.exit(), outcome.shown(Lang::En))
    }

    const FEE: (&str, &str, &str) = ("cases/nm-001.yaml", "party_fee: 0.00", "party_fee: 5.00");

    #[test]
    fn every_command_exits_1_on_the_batch_s_errors_and_2_on_what_cannot_be_used() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        // A rule broken (the party was charged); batch.yaml that cannot be read; no error.
        sample_as(&root.join("errors"), FEE);
        let date = (
            "batch.yaml",
            "issued_on: 2023-01-10",
            "issued_on: 2023-01-32",
        );
        sample_as(&root.join("unreadable"), date);
        sample_as(&root.join("good"), ("batch.yaml", "", ""));
        std::fs::create_dir(root.join("tpl")).unwrap();
        std::fs::write(root.join("tpl/notice.typ.tera"), "{% if %}").unwrap();
        use Exit::*;
        let table = [
            // The batch has errors.
            ("check errors", Failed),
            ("check errors --format json", Failed),
            ("render errors -o out", Failed),
            ("build errors -o out", Failed),
            ("build errors -o out --format json", Failed),
            // which neither status nor a render of drafts minds.
            ("status errors --today 2023-08-01", Done),
            (
                "render errors -o out --allow-errors --case NM-2023-001 --kind notice",
                Done,
            ),
            // batch.yaml cannot be read, or the batch folder is not there.
            ("check unreadable", Unusable),
            ("check unreadable --format json", Unusable),
            ("render unreadable -o out", Unusable),
            ("build unreadable -o out", Unusable),
            ("build unreadable -o out --format json", Unusable),
            ("status unreadable", Unusable),
            ("new-case unreadable --category 化肥", Unusable),
            ("check missing", Unusable),
            ("render missing -o out", Unusable),
            ("build missing -o out", Unusable),
            ("status missing", Unusable),
            ("new-case missing --category 化肥", Unusable),
            ("watch missing -o out", Unusable),
            // An unknown option, kind, case or standard; a bad key.
            ("check good --fromat json", Unusable),
            ("render good -o out --kind nonsense", Unusable),
            ("render good -o out --case XX-2023-001", Unusable),
            ("render good -o out --pdf-standard a-9z", Unusable),
            ("build good -o out --sign no.key", Unusable),
            ("verify good --pubkey no.key", Unusable),
            // Templates that do not load, in render as in build.
            ("render good -o out --templates tpl", Unusable),
            ("build good -o out --templates tpl", Unusable),
            // A folder in use: init refuses it as what was given; keygen, which would replace
            // keys there, fails.
            ("init good", Unusable),
            // keygen without a holder is refused as what was given.
            ("keygen -o keys", Unusable),
            ("keygen -o keys --owner 某检验所", Done),
            ("keygen -o keys --owner 某检验所", Failed),
        ];
        for (line, want) in table {
            let mut args: Vec<String> = line
                .split_whitespace()
                .map(|a| match a {
                    "errors" | "unreadable" | "good" | "missing" | "out" | "no.key" | "tpl"
                    | "keys" => root.join(a).to_string_lossy().into_owned(),
                    _ => a.to_string(),
                })
                .collect();
            if ["render", "build", "watch"].contains(&args[0].as_str()) {
                args.push("--no-system-fonts".into());
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let (exit, shown) = run(&args);
            assert_eq!(exit, want, "{line}:\n{shown:#?}");
            assert!(want == Done || !shown.is_empty(), "{line} says nothing");
        }
        // Nothing but the drafts asked for was written.
        assert!(!root.join("out/batch").exists());
    }

    #[test]
    fn a_refused_render_says_whether_allow_errors_would_help() {
        let tmp = tempfile::tempdir().unwrap();
        let batch = tmp.path().join("b");
        sample_as(&batch, FEE);
        let b = batch.to_str().unwrap();
        let out = tmp.path().join("out");
        let o = out.to_str().unwrap();
        let (exit, shown) = run(&["render", b, "-o", o, "--no-system-fonts"]);
        assert_eq!(exit, Exit::Failed);
        let last = &shown.last().unwrap().1;
        assert!(
            last.contains("1 error") && last.contains("add --allow-errors"),
            "{last}"
        );
        // A character no font draws: --allow-errors does not help, and says so.
        let case = batch.join("cases/nm-001.yaml");
        let text = std::fs::read_to_string(&case).unwrap();
        let place = "place: 受检单位门市部库房";
        std::fs::write(&case, text.replacen(place, "place: 库房\u{E000}", 1)).unwrap();
        for allow in [false, true] {
            let mut args = vec!["render", b, "-o", o, "--no-system-fonts"];
            if allow {
                args.push("--allow-errors");
            }
            let (exit, shown) = run(&args);
            assert_eq!(exit, Exit::Failed, "{args:?}");
            let lines: Vec<&str> = shown.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(lines.len(), 3, "{lines:#?}");
            assert!(lines[0].contains("error[fee.party]"), "{lines:#?}");
            assert!(lines[1].contains("error[font.uncovered]"), "{lines:#?}");
            let why = lines[2];
            assert!(
                why.contains("2 errors") && why.contains("--allow-errors cannot"),
                "{why}"
            );
        }
        assert!(!out.exists(), "nothing written");
    }
}

/// Every option and command a message suggests exists, for the command that prints it.
mod suggestions {
    use spotcheck::messages::{Lang, Msg};

    use crate::cli::text::command;

    /// Where a clause ends: an option named in one clause belongs to the command named in it.
    const CLAUSE_ENDS: &[char] = &[
        ';', '；', ',', '，', '。', '(', '（', ')', '）', ':', '：', '、', '\n',
    ];

    /// Programs other than this one that messages name, with options of their own.
    const OTHER_PROGRAMS: &[&str] = &["minisign ", "python3 ", "sha256sum "];

    /// The long (`--x`) and short (`-x`) options of a command, clap's own and the global ones
    /// included.
    fn options(cmd: &clap::Command) -> Vec<String> {
        let mut all = vec!["--help".to_string()];
        for a in cmd.get_arguments() {
            all.extend(a.get_long().map(|l| format!("--{l}")));
            all.extend(a.get_short().map(|s| format!("-{s}")));
        }
        all
    }

    /// The text without what it says of other programs (`minisign -Vm …`, up to the end of
    /// that clause).
    fn ours(text: &str) -> String {
        let mut text = text.to_string();
        for program in OTHER_PROGRAMS {
            while let Some(start) = text.find(program) {
                let rest = &text[start..];
                let end = rest.find(CLAUSE_ENDS).map_or(text.len(), |e| start + e);
                text.replace_range(start..end, "");
            }
        }
        text
    }

    /// The commands a message of `id` is printed by, as far as its id tells: `build.*` by
    /// build, `help.render.kinds` by render, `help.no-system-fonts` by every command with
    /// that option; `None` when any command may print it.
    fn printed_by<'a>(id: &str, tree: &'a clap::Command) -> Option<Vec<&'a clap::Command>> {
        let sub = |name: &str| tree.find_subcommand(name);
        let parts: Vec<&str> = id.split('.').collect();
        match parts.as_slice() {
            ["help", "spotcheck", ..] => Some(vec![tree]),
            ["help", name, ..] if sub(name).is_some() => sub(name).map(|c| vec![c]),
            ["help", opt] => {
                let long = format!("--{opt}");
                let with: Vec<_> = std::iter::once(tree)
                    .chain(tree.get_subcommands())
                    .filter(|c| options(c).contains(&long))
                    .collect();
                (!with.is_empty()).then_some(with)
            }
            // A signature is made by build --sign.
            ["sign", ..] => sub("build").map(|c| vec![c]),
            [name, ..] => sub(name).map(|c| vec![c]),
            [] => None,
        }
    }

    /// What is wrong with the suggestions of one message's text: each `spotcheck <command>`
    /// must name a command, each `--option` exist on the command named in its clause (`build
    /// --sign`, `spotcheck new-case DIR --category`), else on the commands that print the
    /// message, else on some command.
    fn wrong(id: &str, text: &str, tree: &clap::Command) -> Vec<String> {
        let mut found = Vec::new();
        let anywhere: Vec<&clap::Command> = std::iter::once(tree)
            .chain(tree.get_subcommands())
            .collect();
        let by_id = printed_by(id, tree);
        for clause in ours(text).split(CLAUSE_ENDS) {
            let words: Vec<&str> = clause.split_whitespace().collect();
            let mut named: Option<&clap::Command> = None;
            for (i, w) in words.iter().enumerate() {
                let next = words.get(i + 1).copied().unwrap_or("");
                let word: String = next
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                    .collect();
                if *w == "spotcheck" && !word.is_empty() {
                    match tree.find_subcommand(&word) {
                        Some(c) => named = Some(c),
                        None => found.push(format!("“spotcheck {word}” names no command")),
                    }
                    continue;
                }
                if next.starts_with('-')
                    && let Some(c) = tree.find_subcommand(w)
                {
                    named = Some(c);
                }
                let Some(rest) = w.strip_prefix('-') else {
                    continue;
                };
                let long = rest.starts_with('-');
                let option: String = std::iter::once('-')
                    .chain(
                        rest.chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-'),
                    )
                    .collect();
                let option = option.trim_end_matches('-').to_string();
                if !long && (option.len() != 2 || named.is_none()) {
                    // `-x` is checked only where a command is named: other programs have
                    // theirs.
                    continue;
                }
                if option.len() < 3 && long {
                    continue;
                }
                let (scope, whose) = match (named, &by_id) {
                    (Some(c), _) => (vec![c], c.get_name().to_string()),
                    (None, Some(cs)) => (
                        cs.clone(),
                        cs.iter()
                            .map(|c| c.get_name())
                            .collect::<Vec<_>>()
                            .join("/"),
                    ),
                    (None, None) => (anywhere.clone(), "any command".to_string()),
                };
                let has = |c: &&clap::Command| options(c).contains(&option);
                let exists = if named.is_none() && by_id.is_none() {
                    scope.iter().any(has)
                } else {
                    scope.iter().all(has)
                };
                if !exists {
                    found.push(format!("{option} is no option of {whose}"));
                }
            }
        }
        found
    }

    #[test]
    fn every_option_and_command_a_message_names_exists_for_the_command_that_prints_it() {
        let mut problems = Vec::new();
        let mut checked = 0;
        for lang in Lang::ALL {
            let mut tree = command(lang);
            tree.build();
            for m in Msg::ALL {
                let text = m.template(lang);
                if text.contains("--") || text.contains("spotcheck ") {
                    checked += 1;
                }
                for p in wrong(m.id(), text, &tree) {
                    problems.push(format!("{} ({lang:?}): {p}: {text}", m.id()));
                }
            }
        }
        assert!(checked > 20, "only {checked} messages suggest anything");
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// The check itself finds what it is for: build suggesting `--allow-errors`, a command
    /// that does not exist, an option of another command.
    #[test]
    fn the_check_finds_an_option_the_printing_command_lacks() {
        let mut tree = command(Lang::En);
        tree.build();
        let bad = [
            ("build.blocked", "add --allow-errors to make drafts"),
            ("check.done", "run spotcheck compile first"),
            ("check.done", "or build --allow-errors"),
            ("check.done", "give --no-such-option"),
            ("help.keygen.batch", "with --case"),
        ];
        for (id, text) in bad {
            assert!(!wrong(id, text, &tree).is_empty(), "{id}: {text}");
        }
        let good = [
            ("render.blocked", "add --allow-errors to make drafts"),
            ("check.done", "or render --allow-errors"),
            ("keygen.encrypted", "signing (build --sign, minisign -S)"),
            ("init.next", "spotcheck build DIR -o OUT"),
        ];
        for (id, text) in good {
            assert!(
                wrong(id, text, &tree).is_empty(),
                "{id}: {text}: {:?}",
                wrong(id, text, &tree)
            );
        }
    }
}
