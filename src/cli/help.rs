//! `--help` in the interface language: every command and option described from the
//! i18n table, with clap's own headings, defaults and value lists said in that language.

use clap::{Command, CommandFactory};

use crate::i18n::{Lang, Msg};

/// The language `--help` speaks before the command line is parsed: the last
/// `--lang X` (or `--lang=X`) given, if it is one we know.
pub(super) fn lang_in_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<Lang> {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut found = None;
    for (i, a) in args.iter().enumerate() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(l) = value.and_then(Lang::parse) {
            found = Some(l);
        }
    }
    found
}

/// What a command does; `path` is its name from the top, `""` for chibo itself.
fn about(path: &str) -> Option<Msg> {
    Some(match path {
        "" => Msg::CliAbout,
        "demo" => Msg::CliDemo,
        "import" => Msg::CliImport,
        "import members" => Msg::CliImportMembers,
        "export" => Msg::CliExport,
        "export resolution" => Msg::CliExportResolution,
        "export minutes" => Msg::CliExportMinutes,
        "export members" => Msg::CliExportMembers,
        "backup" => Msg::CliBackup,
        "restore" => Msg::CliRestore,
        "report" => Msg::CliReport,
        "check" => Msg::CliCheck,
        "keymap" => Msg::CliKeymap,
        "keymap check" => Msg::CliKeymapCheck,
        "keymap show" => Msg::CliKeymapShow,
        _ => return None,
    })
}

/// What an option or argument of the command at `path` means.
fn arg_help(path: &str, id: &str) -> Option<Msg> {
    Some(match (path, id) {
        (_, "help") => Msg::CliHelp,
        (_, "version") => Msg::CliVersion,
        (_, "data_dir") => Msg::CliDataDir,
        (_, "lang") => Msg::CliLang,
        (_, "force") => Msg::CliForce,
        (_, "ascii") => Msg::CliAscii,
        (_, "out") => Msg::CliOut,
        ("demo", "members") => Msg::CliDemoMembers,
        ("demo", "years") => Msg::CliDemoYears,
        ("demo", "seed") => Msg::CliDemoSeed,
        ("demo", "clear") => Msg::CliDemoClear,
        ("import members", "file") => Msg::CliImportFile,
        ("import members", "dry_run") => Msg::CliDryRun,
        ("import members", "update") => Msg::CliUpdate,
        ("import members", "sheet") => Msg::CliSheet,
        ("export resolution", "resolution") => Msg::CliResolution,
        ("export minutes", "meeting") => Msg::CliMeeting,
        ("export resolution" | "export minutes", "format") => Msg::CliDocumentFormat,
        ("export members", "format") => Msg::CliRosterFormat,
        ("backup", "file") => Msg::CliBackupFile,
        ("backup", "list") => Msg::CliBackupList,
        ("restore", "file") => Msg::CliRestoreFile,
        ("restore", "latest") => Msg::CliLatest,
        ("report", "kind") => Msg::CliReportKind,
        ("report", "month") => Msg::CliMonth,
        ("report", "year") => Msg::CliYear,
        ("report", "member") => Msg::CliMember,
        ("report", "sheet") => Msg::CliDuesSheet,
        ("report", "format") => Msg::CliReportFormat,
        ("keymap check", "file") => Msg::CliKeymapFile,
        _ => return None,
    })
}

/// The command line with every text of its help in `lang`.
pub(super) fn localized(mut cmd: Command, lang: Lang) -> Command {
    cmd = cmd.disable_help_subcommand(true);
    // built first, so that the help and version flags and the global options exist
    // in every subcommand and can be described
    cmd.build();
    localize(cmd, "", lang)
}

fn localize(cmd: Command, path: &str, lang: Lang) -> Command {
    let about_text = about(path).map(|m| m.get(lang));
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        Msg::CliUsage.get(lang)
    );
    let mut next = 0;
    let cmd = cmd
        .about(about_text)
        .long_about(None::<&str>)
        .help_template(template)
        .subcommand_help_heading(Msg::CliCommands.get(lang))
        .mut_args(|a| {
            // the command's own options first, in their order, then the global ones,
            // help and version last
            let order = match a.get_id().as_str() {
                "data_dir" => 1000,
                "lang" => 1001,
                "help" => 1002,
                "version" => 1003,
                _ => {
                    next += 1;
                    next
                }
            };
            let mut text = arg_help(path, a.get_id().as_str())
                .map(|m| m.get(lang).to_string())
                .unwrap_or_default();
            let takes_value = a.get_action().takes_values();
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if takes_value && !values.is_empty() {
                let values = values.join(", ");
                text = format!(
                    "{text} {}",
                    Msg::CliValues.fill(lang, &[("values", &values)])
                );
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if takes_value && !defaults.is_empty() {
                let value = defaults.join(",");
                text = format!(
                    "{text} {}",
                    Msg::CliDefault.fill(lang, &[("value", &value)])
                );
            }
            let heading = if a.is_positional() {
                Msg::CliArguments
            } else {
                Msg::CliOptions
            };
            a.help(text)
                .display_order(order)
                .long_help(None::<&str>)
                .hide_possible_values(true)
                .hide_default_value(true)
                .hide_env(true)
                .help_heading(heading.get(lang))
        });
    cmd.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        let path = if path.is_empty() {
            name
        } else {
            format!("{path} {name}")
        };
        localize(sub, &path, lang)
    })
}

/// The command the arguments name, from the top: `chibo report`, `chibo import members`.
fn command_path(args: &[std::ffi::OsString]) -> String {
    let mut cmd = super::Cli::command();
    cmd.build();
    let mut path = vec!["chibo".to_string()];
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = args.next() {
        if a == "--" {
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            // an option's value is not a command
            let takes_value = cmd
                .get_arguments()
                .find(|x| x.get_long() == Some(long))
                .is_some_and(|x| x.get_action().takes_values());
            if takes_value {
                args.next();
            }
            continue;
        }
        let Some(sub) = cmd.find_subcommand(a.as_ref()).cloned() else {
            if a.starts_with('-') {
                continue;
            }
            break;
        };
        path.push(sub.get_name().to_string());
        cmd = sub;
    }
    path.join(" ")
}

/// A usage error (an unknown option or command, a bad or missing value) in `lang`:
/// one line saying what is wrong, the usage of the command, and where to read more.
/// What clap only says in English (its rarer errors) is quoted after a line in
/// `lang`. `None` for what is not an error (`--help`, `--version`, a command given
/// without its subcommand, which shows its help).
pub(super) fn usage_error(
    e: &clap::Error,
    args: &[std::ffi::OsString],
    lang: Lang,
) -> Option<String> {
    use clap::error::{ContextKind as C, ContextValue as V, ErrorKind as K};
    if matches!(
        e.kind(),
        K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return None;
    }
    let text = |kind: C| -> String {
        match e.get(kind) {
            Some(V::String(s)) => s.clone(),
            Some(V::Strings(v)) => v.join(", "),
            Some(V::StyledStr(s)) => s.to_string(),
            Some(V::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let arg = text(C::InvalidArg);
    let hint = [C::SuggestedArg, C::SuggestedSubcommand, C::SuggestedValue]
        .into_iter()
        .map(text)
        .find(|h| !h.is_empty())
        .map(|hint| Msg::UsageDidYouMean.fill(lang, &[("hint", &hint)]))
        .unwrap_or_default();
    let line = match e.kind() {
        K::UnknownArgument if arg.starts_with('-') => {
            Msg::UsageUnknownOption.fill(lang, &[("arg", &arg)]) + &hint
        }
        K::UnknownArgument => Msg::UsageUnexpected.fill(lang, &[("arg", &arg)]) + &hint,
        K::InvalidSubcommand => {
            let sub = text(C::InvalidSubcommand);
            Msg::UsageUnknownCommand.fill(lang, &[("arg", &sub)]) + &hint
        }
        K::InvalidValue | K::ValueValidation => {
            let value = text(C::InvalidValue);
            if value.is_empty() {
                Msg::UsageNoValue.fill(lang, &[("arg", &arg)])
            } else {
                let mut line = Msg::UsageBadValue.fill(lang, &[("value", &value), ("arg", &arg)]);
                let values = text(C::ValidValue);
                if !values.is_empty() {
                    line += &Msg::UsageValues.fill(lang, &[("values", &values)]);
                }
                line + &hint
            }
        }
        K::MissingRequiredArgument => Msg::UsageMissing.fill(lang, &[("arg", &arg)]),
        K::MissingSubcommand => {
            let values = text(C::ValidSubcommand);
            let command = text(C::InvalidSubcommand);
            Msg::UsageNoCommand.fill(lang, &[("command", &command), ("values", &values)])
        }
        K::ArgumentConflict => {
            let other = text(C::PriorArg);
            Msg::UsageConflict.fill(lang, &[("arg", &arg), ("other", &other)])
        }
        _ => {
            // clap's own words, first line, without its "error: "
            let own = e.render().to_string();
            let own = own.lines().next().unwrap_or_default();
            let own = own.strip_prefix("error: ").unwrap_or(own);
            Msg::UsageOther.fill(lang, &[("err", &own)])
        }
    };
    let mut out = format!("chibo: {line}\n");
    // clap's usage, under the heading of the help
    let usage = text(C::Usage);
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    if !usage.is_empty() {
        out += &format!("{} {usage}\n", Msg::CliUsage.get(lang));
    }
    let command = command_path(args);
    out += &Msg::UsageMore.fill(lang, &[("command", &command)]);
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn every_command(cmd: &Command, path: &str, found: &mut Vec<(String, Command)>) {
        found.push((path.to_string(), cmd.clone()));
        for sub in cmd.get_subcommands() {
            let p = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            every_command(sub, &p, found);
        }
    }

    #[test]
    fn every_command_and_option_is_described_in_both_languages() {
        let mut cmd = super::super::Cli::command().disable_help_subcommand(true);
        cmd.build();
        let mut all = Vec::new();
        every_command(&cmd, "", &mut all);
        for (path, c) in &all {
            assert!(about(path).is_some(), "command {path:?} has no description");
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                assert!(
                    arg_help(path, id).is_some(),
                    "{path:?} --{id} has no description"
                );
            }
        }
    }

    #[test]
    fn the_language_of_help_is_read_before_parsing() {
        let args = |s: &str| {
            s.split(' ')
                .map(std::ffi::OsString::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(lang_in_args(args("chibo --lang en --help")), Some(Lang::En));
        assert_eq!(
            lang_in_args(args("chibo report --lang=vi --help")),
            Some(Lang::Vi)
        );
        assert_eq!(lang_in_args(args("chibo --help")), None);
        assert_eq!(lang_in_args(args("chibo --lang fr --help")), None);
        assert_eq!(
            lang_in_args(args("chibo import members -- --lang en")),
            None
        );
    }
}
