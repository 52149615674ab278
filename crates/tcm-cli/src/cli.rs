//! The command line: subcommands, their arguments and their help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use tcm_core::Language;

#[derive(Debug, Parser)]
#[command(
    name = "tcm",
    version,
    about = "TCM Workbench: audit a company's customer relationship with Ohana's Total Customer Management grid",
    long_about = "TCM Workbench: audit a company's customer relationship with Ohana's Total Customer \
                  Management grid, read through five stages (creative, active, curative, preventive, \
                  proactive). This tool validates questionnaire files and scores answers.",
    after_help = "Examples:\n  \
                  tcm validate questionnaires/tcm-92.toml\n  \
                  tcm score --questionnaire questionnaires/tcm-92.toml --answers answers.csv\n  \
                  tcm score -q questionnaires/sample.toml -a answers.csv --format table --lang en\n  \
                  tcm org add --name \"Maison Durand\" --sector retail --size medium\n  \
                  tcm assessment new --org \"Maison Durand\" --title \"Audit 2026\" --mode workshop\n  \
                  tcm answer --assessment 1 --respondent Claire --question cre-01 --value 3\n  \
                  tcm score --assessment 1 --format table\n  \
                  tcm report --assessment 1 --out rapport.pdf\n  \
                  tcm demo --out demo.pdf   (see the product without a window)\n  \
                  tcm backup"
)]
pub struct Cli {
    /// The database file (default: $TCM_DB, else tcm-workbench/tcm.sqlite in the user's data folder)
    #[arg(long, global = true, value_name = "FILE")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a questionnaire or case file and list every problem as file:line:column: message
    #[command(after_help = "Exit status: 0 when the file is valid, 1 otherwise.\n\n\
                            Examples:\n  tcm validate questionnaires/tcm-92.toml\n  \
                            tcm validate questionnaires/tcm-25-classroom.toml   (a variant: its base is read from the same folder)\n  \
                            tcm validate cases/bledina-pas-a-pas.toml   (a case: checked against its questionnaire)")]
    Validate(ValidateArgs),
    /// Score answers: per stage, per theme and the overall TCM index
    #[command(
        after_help = "The answers file has the header `respondent,question,answer[,comment]`, \
                            `,` or `;` as delimiter, and answers 0–4, NA or ?.\n\n\
                            Examples:\n  tcm score --questionnaire questionnaires/tcm-92.toml --answers answers.csv\n  \
                            tcm score -q questionnaires/tcm-92.toml -a answers.csv --format table\n  \
                            tcm score --assessment 1 --format table"
    )]
    Score(ScoreArgs),
    /// Render a questionnaire for people to read and review (Markdown), or as a blank form to print (PDF)
    #[command(
        after_help = "Examples:\n  tcm grid questionnaires/tcm-92.toml --format md > grid.md\n  \
                            tcm grid questionnaires/tcm-92.toml --format md --lang fr --out grille.md\n  \
                            tcm grid questionnaires/tcm-92.toml --changelog questionnaires/tcm-92-changelog.md --out questionnaires/tcm-92.md\n  \
                            tcm grid questionnaires/tcm-92.toml --pdf grille.pdf   (tick boxes 0–4, NA, ? and lines for remarks)"
    )]
    Grid(GridArgs),
    /// Write a form to send out before a workshop, whose answers import back (`tcm import`)
    #[command(
        after_help = "Formats: xlsx (a questionnaire to fill in and e-mail back, read back as is), \
                            xlsform (KoboToolbox, ODK), gs (a Google Apps Script that builds the Google Form), \
                            docx (a Word document for Microsoft Forms' quick import), \
                            lss (a LimeSurvey survey structure file, question codes such as cre01), \
                            choices (the choice labels to paste into Microsoft Forms or any tool). \
                            See docs/forms.md.\n\n\
                            Examples:\n  tcm form questionnaires/tcm-92.toml --format xlsx --lang fr --out questionnaire.xlsx\n  \
                            tcm form questionnaires/tcm-92.toml --format xlsform --out kobo.xlsx\n  \
                            tcm form questionnaires/tcm-92.toml --format gs --lang en   (writes tcm-92-en-google-forms.gs)"
    )]
    Form(FormArgs),
    /// Print a case study for the classroom: its text and questions, or the teacher's copy with the key
    #[command(
        after_help = "The case's questionnaire is looked for as <id>.toml beside the case, then in \
                            ../questionnaires/, then among the bundled questionnaires.\n\n\
                            Examples:\n  tcm case cases/bledina-pas-a-pas.toml --lang fr --out bledina.md\n  \
                            tcm case cases/aurore-rappel.toml --key   (the teacher's copy)"
    )]
    Case(CaseArgs),
    /// Class exercises on a case: start one, import the groups' .tcm files, grade and export
    #[command(subcommand)]
    Class(ClassCommand),
    /// Organisations: add and list the companies assessed
    #[command(subcommand)]
    Org(OrgCommand),
    /// Assessments: start, list and show audits
    #[command(subcommand)]
    Assessment(AssessmentCommand),
    /// Protect a respondent's personal data: anonymise them or erase them
    #[command(subcommand)]
    Respondent(RespondentCommand),
    /// Save answers to a stored assessment (one, or many from standard input)
    #[command(
        after_help = "Each answer is committed to disk before the command acknowledges it.\n\n\
                            Examples:\n  tcm answer --assessment 1 --respondent Claire --question cre-01 --value 3 --comment \"Revu en 2026\"\n  \
                            printf 'Claire,cre-02,NA\\nMarc,cre-02,2\\n' | tcm answer --assessment 1 --stdin"
    )]
    Answer(AnswerArgs),
    /// Import a portable .tcm assessment, or responses (CSV or XLSX, long or wide) into an assessment
    #[command(
        after_help = "Responses: long format (respondent,question,answer[,comment]) or the wide format of online \
                            forms (one row per respondent, one column per question id); `,` or `;`; UTF-8 or Windows-1252. \
                            An import is all or nothing: any bad line and nothing is written.\n\n\
                            Examples:\n  tcm import audit-durand.tcm\n  tcm import --assessment 1 reponses-formulaire.xlsx\n  tcm import --assessment 1 answers.csv"
    )]
    Import(ImportArgs),
    /// The trend over an organisation's audits: the TCM index and each stage, audit by audit
    #[command(
        after_help = "Give the organisation (its id or name: its latest audit and every earlier one) or one \
                            assessment (it and the organisation's audits before it). Class exercises are left out.\n\n\
                            Examples:\n  tcm trend --organisation \"Maison Durand\"\n  tcm trend --assessment 4 --json"
    )]
    Trend(TrendArgs),
    /// Export an assessment: answers (CSV), workbook (XLSX), plan with milestones (XLSX) or portable file (.tcm)
    #[command(
        after_help = "Examples:\n  tcm export --assessment 1 --format tcm --out audit.tcm\n  \
                            tcm export --assessment 1 --format anonymous-tcm --out audit-anonyme.tcm\n  \
                            tcm export --assessment 1 --format xlsx --out audit.xlsx\n  \
                            tcm export --assessment 1 --format milestones --out jalons.xlsx\n  \
                            tcm export --assessment 1 --format csv --excel --out reponses.csv"
    )]
    Export(ExportArgs),
    /// Write an assessment's PDF report: summary, charts, action plan, detail per stage
    #[command(
        after_help = "The organisation's saved report settings (firm, logo, cover, summary, sections, language) \
                            apply; each flag below replaces one of them for this report, and --remember saves them.\n\n\
                            Examples:\n  tcm report --assessment 1 --out rapport.pdf\n  tcm report --assessment 1 --out report.pdf --lang en\n  \
                            tcm report --assessment 1 --out rapport.pdf --firm \"Cabinet Orée\" --logo logo.svg --summary-file synthese.txt --remember\n  \
                            tcm report --assessment 1 --out court.pdf --sections summary,charts,plan"
    )]
    Report(ReportArgs),
    /// Create a fictitious French company audited over the full grid, and write its report
    #[command(
        after_help = "Without --db (or TCM_DB), the demo lives in a temporary database that is removed \
                            afterwards: your data is not touched.\n\n\
                            Examples:\n  tcm demo --out demo.pdf\n  tcm demo --out demo-en.pdf --lang en\n  tcm --db demo.sqlite demo --out demo.pdf   (keep the demo database)"
    )]
    Demo(DemoArgs),
    /// Check the whole database file for damage (reads every page; takes time on a large file)
    #[command(
        after_help = "Prints `ok` and exits 0, or names the damage and the way out and exits 1."
    )]
    Check,
    /// Run a live workshop session without a window: participants answer from their phones
    #[command(
        after_help = "Listens on one interface's address until Ctrl-C; prints the join URL, the room code \
                            and a QR code. Plain HTTP: anyone on the same network can read the traffic \
                            (see SECURITY.md, \"Live sessions\"); for a sensitive audit, use the laptop's own hotspot.\n\n\
                            Examples:\n  tcm live --assessment 1 --bind 192.168.1.10:8080\n  \
                            tcm live --assessment 1 --bind 127.0.0.1:0 --anonymous --groups Ventes,\"Service client\"\n  \
                            tcm live --assessment 1 --bind 192.168.1.10:8080 --stage curative"
    )]
    Live(LiveArgs),
    /// Back up the database (into its backups folder, or to a file)
    #[command(after_help = "Examples:\n  tcm backup\n  tcm backup --out ~/audit-backup.sqlite")]
    Backup(BackupArgs),
    /// Replace the database with a backup (the current one is kept as a backup, or moved aside if damaged)
    #[command(
        after_help = "Examples:\n  tcm restore --list\n  tcm restore ~/.local/share/tcm-workbench/backups/tcm-auto-20261123-090000.sqlite"
    )]
    Restore(RestoreArgs),
}

#[derive(Debug, Subcommand)]
pub enum ClassCommand {
    /// Start a class exercise on a shipped case; prints its id
    #[command(
        after_help = "Cases: bledina-pas-a-pas, aurore-rappel, banque-riviere-en-ligne.\n\n\
                            Example:\n  tcm class new --case aurore-rappel --class \"M2 Marketing 2026\" --group \"Groupe 1\" --group \"Groupe 2\""
    )]
    New {
        /// The case's id
        #[arg(long)]
        case: String,
        /// The class's name
        #[arg(long)]
        class: String,
        /// The exercise's language (fr or en)
        #[arg(long, default_value = "fr")]
        lang: String,
        /// A group answering on this computer (repeat for several)
        #[arg(long)]
        group: Vec<String>,
    },
    /// List the class exercises
    List,
    /// Import every group's .tcm file of a folder; lists what was imported and what was refused
    #[command(after_help = "Example:\n  tcm class import --exercise 3 rendus/")]
    Import {
        /// The class exercise's id
        #[arg(long)]
        exercise: i64,
        /// The folder of returned .tcm files
        folder: std::path::PathBuf,
    },
    /// Grade the class against the case's key; optionally write the workbook and the report
    #[command(
        after_help = "Example:\n  tcm class grade --exercise 3 --xlsx classe.xlsx --pdf debriefing.pdf --ranking"
    )]
    Grade {
        /// The class exercise's id
        #[arg(long)]
        exercise: i64,
        /// Write the class workbook (one sheet for the class, one per group)
        #[arg(long)]
        xlsx: Option<std::path::PathBuf>,
        /// Write the class report (debrief and one page per group)
        #[arg(long)]
        pdf: Option<std::path::PathBuf>,
        /// Show the ranking of the groups (in the table and the report)
        #[arg(long)]
        ranking: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Add an organisation
    #[command(
        after_help = "Sectors: industry, services, bank-insurance, retail, public-sector, association, other.\n\
                            Sizes: micro (<10), small (10–49), medium (50–249), large (250+).\n\n\
                            Example:\n  tcm org add --name \"Maison Durand\" --sector retail --size medium --notes \"12 magasins\""
    )]
    Add {
        /// Its name
        #[arg(long)]
        name: String,
        /// Its sector
        #[arg(long, default_value = "other")]
        sector: String,
        /// Its size band
        #[arg(long)]
        size: Option<String>,
        /// Free notes
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// List organisations
    List,
}

#[derive(Debug, Subcommand)]
pub enum AssessmentCommand {
    /// Start an assessment of an organisation
    #[command(
        after_help = "Questionnaires: tcm-92 (the full grid, default), tcm-25-classroom, or a questionnaire file.\n\
                            Targets are answer levels 1–4 per stage (default 4).\n\n\
                            Example:\n  tcm assessment new --org \"Maison Durand\" --title \"Audit 2026\" --mode workshop --target curative=3 --target proactive=2"
    )]
    New {
        /// The organisation: its id or its name
        #[arg(long)]
        org: String,
        /// A title, such as "Audit 2026"
        #[arg(long)]
        title: String,
        /// self, workshop or classroom
        #[arg(long, default_value = "self")]
        mode: String,
        /// Language of its reports: fr or en
        #[arg(long, default_value = "fr", value_parser = parse_language)]
        lang: Language,
        /// A bundled questionnaire id, or a questionnaire file
        #[arg(long, default_value = "tcm-92")]
        questionnaire: String,
        /// A stage's target, as stage=level (repeatable)
        #[arg(long = "target", value_name = "STAGE=LEVEL")]
        targets: Vec<String>,
    },
    /// Start a follow-up audit of an assessment's organisation, carrying over its targets,
    /// the plan's open actions and the roadmap's wave overrides
    #[command(
        after_help = "The follow-up takes the audit's organisation, mode, language and targets, and its open \
                            actions (proposed, planned, in progress) with their owner, due date, notes and status; \
                            done and dismissed actions stay with the audit they belong to. An action whose question \
                            the follow-up's grid no longer has becomes an action of its former stage. The user's wave \
                            or dates for an initiative still holding carried actions come along too (dates already \
                            over do not).\n\n\
                            Example:\n  tcm assessment reaudit --from 3 --title \"Audit de suivi 2027\""
    )]
    Reaudit {
        /// The assessment the follow-up audit starts from
        #[arg(long)]
        from: i64,
        /// The follow-up audit's title
        #[arg(long)]
        title: String,
    },
    /// List assessments, most recently changed first
    List,
    /// Show an assessment: its details, respondents and scores
    Show {
        /// The assessment's id
        id: i64,
        /// Language of names in the scores table (fr or en)
        #[arg(long, default_value = "fr", value_parser = parse_language)]
        lang: Language,
    },
}

#[derive(Debug, Subcommand)]
pub enum RespondentCommand {
    /// Anonymise a respondent: their label becomes "Participant N" and their role is cleared;
    /// their answers, group and (unless --remove-comments) comments stay, so scores do not change
    #[command(
        after_help = "Examples:\n  tcm respondent anonymise --assessment 1 --respondent Claire\n  \
                            tcm respondent anonymise --assessment 1 --respondent 7 --remove-comments"
    )]
    Anonymise {
        /// The assessment's id
        #[arg(long)]
        assessment: i64,
        /// The respondent: their label, or their id
        #[arg(long)]
        respondent: String,
        /// Also remove every comment they wrote
        #[arg(long)]
        remove_comments: bool,
    },
    /// Erase a respondent with their answers (scores change), or keep their answers under an
    /// anonymous label with no role, group or comment (--keep-answers: scores do not change)
    #[command(
        after_help = "Examples:\n  tcm respondent erase --assessment 1 --respondent Claire\n  \
                            tcm respondent erase --assessment 1 --respondent Claire --keep-answers"
    )]
    Erase {
        /// The assessment's id
        #[arg(long)]
        assessment: i64,
        /// The respondent: their label, or their id
        #[arg(long)]
        respondent: String,
        /// Keep their answers, anonymous, so that the scores do not change
        #[arg(long)]
        keep_answers: bool,
    },
}

#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The assessment's id
    #[arg(long)]
    pub assessment: i64,
    /// The respondent's name or label (added to the assessment if new)
    #[arg(long, required_unless_present = "stdin")]
    pub respondent: Option<String>,
    /// The question id
    #[arg(long, required_unless_present = "stdin")]
    pub question: Option<String>,
    /// 0–4, NA or ?
    #[arg(long, required_unless_present = "stdin")]
    pub value: Option<String>,
    /// A comment (it may start with a dash: `--comment "- revu en 2026"`)
    #[arg(long, allow_hyphen_values = true)]
    pub comment: Option<String>,
    /// Read answers as CSV lines `respondent,question,answer[,comment]` from standard input,
    /// acknowledging each on standard output once it is committed
    #[arg(long, conflicts_with_all = ["respondent", "question", "value", "comment"])]
    pub stdin: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A .tcm file, or a responses file (.csv, .xlsx) with --assessment
    pub file: PathBuf,
    /// The assessment the responses go to
    #[arg(long)]
    pub assessment: Option<i64>,
    /// A .tcm file whose assessment is already here: import it as a separate copy
    #[arg(long, conflicts_with_all = ["replace", "merge"])]
    pub as_copy: bool,
    /// A .tcm file whose assessment is already here: replace it (a backup is taken first)
    #[arg(long, conflicts_with = "merge")]
    pub replace: bool,
    /// A .tcm file whose assessment is already here: merge answer by answer, the later
    /// change winning (a backup is taken first)
    #[arg(long)]
    pub merge: bool,
    /// Responses whose form used a 1–5 linear scale: `1-5` reads 1 as level 0 and 5 as level 4
    /// (a file answered 1–5 is refused without it)
    #[arg(long, value_enum, default_value = "0-4")]
    pub scale: ScaleArg,
}

/// The scale of a responses file's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScaleArg {
    /// The questionnaire's levels, 0 to 4
    #[value(name = "0-4")]
    ZeroToFour,
    /// A form's linear scale from 1 to 5
    #[value(name = "1-5")]
    OneToFive,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The assessment's id
    #[arg(long)]
    pub assessment: i64,
    /// What to write
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// The file to write
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// For CSV: `;`, CRLF and Windows-1252, as French Excel writes it (characters it lacks
    /// are written as the nearest one and listed, or refused)
    #[arg(long)]
    pub excel: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Answers in long format
    Csv,
    /// Workbook: scores, answers matrix, comments, action plan
    Xlsx,
    /// Portable assessment file
    Tcm,
    /// Portable assessment file with respondents anonymised ("Participant N", no role, no
    /// comment, no action owner), for sharing or benchmarking
    AnonymousTcm,
    /// Plan with milestones (XLSX): one row per action with its initiative, wave, owner, due
    /// date and status, in the order of the roadmap
    Milestones,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The assessment's id
    #[arg(long)]
    pub assessment: i64,
    /// The file to write
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,
    /// pdf (the reference) or docx (an editable Word document)
    #[arg(long, value_name = "FORMAT", default_value = "pdf", value_parser = ["pdf", "docx"])]
    pub format: String,
    /// The report's language (default: the saved settings', else the assessment's)
    #[arg(long, value_parser = parse_language)]
    pub lang: Option<Language>,
    /// The consultant's firm, on the cover
    #[arg(long, value_name = "NAME")]
    pub firm: Option<String>,
    /// The firm's logo for the cover: a PNG or SVG file of at most 1 MiB
    #[arg(long, value_name = "FILE", conflicts_with = "no_logo")]
    pub logo: Option<PathBuf>,
    /// No logo on the cover, even when one is saved
    #[arg(long)]
    pub no_logo: bool,
    /// The cover's title (default: the report's kind)
    #[arg(long, value_name = "TEXT")]
    pub cover_title: Option<String>,
    /// Who prepared the report, on the cover
    #[arg(long, value_name = "TEXT")]
    pub prepared_by: Option<String>,
    /// For whom, on the cover
    #[arg(long, value_name = "TEXT")]
    pub prepared_for: Option<String>,
    /// A confidentiality mention at the foot of the cover
    #[arg(long, value_name = "TEXT")]
    pub confidentiality: Option<String>,
    /// A UTF-8 text file: the summary for management, first in the report (blank lines
    /// separate paragraphs; lines starting with "- " are bullets)
    #[arg(long, value_name = "FILE.txt")]
    pub summary_file: Option<PathBuf>,
    /// The sections to include, comma-separated, among summary, charts, workshop, plan,
    /// details, appendix (the cover is always there)
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_section)]
    pub sections: Option<Vec<tcm_report::Section>>,
    /// A folder of past clients' .tcm files for the "Among your clients" section, instead
    /// of the one remembered in the database (with --remember, it becomes the remembered one)
    #[arg(long, value_name = "DIR", conflicts_with = "no_benchmark_folder")]
    pub benchmark_folder: Option<PathBuf>,
    /// The database's audits alone for "Among your clients", even when a folder is
    /// remembered (with --remember, the folder is forgotten)
    #[arg(long)]
    pub no_benchmark_folder: bool,
    /// Save these settings as the organisation's, for its next reports
    #[arg(long)]
    pub remember: bool,
}

fn parse_section(text: &str) -> Result<tcm_report::Section, String> {
    tcm_report::Section::from_key(text).ok_or_else(|| {
        let known: Vec<&str> = tcm_report::Section::ALL
            .iter()
            .map(|section| section.key())
            .collect();
        format!(
            "unknown section `{text}`; the sections are {}",
            known.join(", ")
        )
    })
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// The PDF file to write
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,
    /// The report's language
    #[arg(long, value_parser = parse_language)]
    pub lang: Option<Language>,
}

#[derive(Debug, Args)]
pub struct LiveArgs {
    /// The id of the assessment participants answer
    #[arg(long, value_name = "ID")]
    pub assessment: i64,
    /// The interface address and port to listen on (port 0: any free port)
    #[arg(long, value_name = "ADDR:PORT")]
    pub bind: std::net::SocketAddr,
    /// Participants give no name and appear as "Participant N"
    #[arg(long)]
    pub anonymous: bool,
    /// The groups participants pick from, comma-separated
    #[arg(long, value_delimiter = ',', value_name = "GROUP,…")]
    pub groups: Vec<String>,
    /// Only this stage's questions (creative, active, curative, preventive, proactive)
    #[arg(long, conflicts_with = "questions")]
    pub stage: Option<String>,
    /// Only these questions, comma-separated, in this order
    #[arg(long, value_delimiter = ',', value_name = "ID,…")]
    pub questions: Vec<String>,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Write the backup to this file instead of the backups folder
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file to restore
    #[arg(required_unless_present = "list")]
    pub file: Option<PathBuf>,
    /// List the database's backups, newest first
    #[arg(long)]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct GridArgs {
    /// The questionnaire file (TOML)
    pub file: PathBuf,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = GridFormat::Md)]
    pub format: GridFormat,
    /// Languages: fr, en or both (French first)
    #[arg(long, default_value = "both", value_parser = ["fr", "en", "both"])]
    pub lang: String,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Append this Markdown file (the changes from the previous version) to the rendering
    #[arg(long, value_name = "CHANGELOG.md")]
    pub changelog: Option<PathBuf>,
    /// Write a blank printable form (PDF, dated today) to this file instead; French unless --lang en
    #[arg(long, value_name = "OUT.pdf", conflicts_with_all = ["out", "format"])]
    pub pdf: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FormArgs {
    /// The questionnaire file (TOML)
    pub file: PathBuf,
    /// The kind of form
    #[arg(short, long, value_enum)]
    pub format: FormKind,
    /// The form's language: fr or en
    #[arg(long, default_value = "fr", value_parser = ["fr", "en"])]
    pub lang: String,
    /// Write to this file (default: a name made of the questionnaire, language and format)
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// A kind of generated form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormKind {
    /// An XLSX questionnaire to fill in and send back
    Xlsx,
    /// An XLSForm for KoboToolbox and ODK
    Xlsform,
    /// A Google Apps Script that builds the Google Form
    Gs,
    /// A Word document for Microsoft Forms' quick import
    Docx,
    /// A LimeSurvey survey structure file (.lss)
    Lss,
    /// The choice labels, one a line
    Choices,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GridFormat {
    /// Markdown
    Md,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The questionnaire or case file (TOML)
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct CaseArgs {
    /// The case file (TOML)
    pub file: PathBuf,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = GridFormat::Md)]
    pub format: GridFormat,
    /// Languages: fr, en or both (French first)
    #[arg(long, default_value = "both", value_parser = ["fr", "en", "both"])]
    pub lang: String,
    /// The teacher's copy: each question with the key's answer and justification
    #[arg(long)]
    pub key: bool,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The questionnaire file (TOML) the answers refer to
    #[arg(
        short,
        long,
        value_name = "FILE",
        required_unless_present = "assessment",
        requires = "answers"
    )]
    pub questionnaire: Option<PathBuf>,
    /// The answers file (CSV, long format)
    #[arg(short, long, value_name = "ANSWERS.csv", requires = "questionnaire")]
    pub answers: Option<PathBuf>,
    /// Score a stored assessment instead (its id)
    #[arg(long, conflicts_with_all = ["questionnaire", "answers"])]
    pub assessment: Option<i64>,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Language of names in the table format (fr or en)
    #[arg(long, default_value = "fr", value_parser = parse_language)]
    pub lang: Language,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// JSON, for other tools
    Json,
    /// A table, for people
    Table,
}

fn parse_language(text: &str) -> Result<Language, String> {
    text.parse::<Language>().map_err(|error| error.to_string())
}

#[derive(Debug, Args)]
pub struct TrendArgs {
    /// The organisation: its id or its name
    #[arg(
        long,
        required_unless_present = "assessment",
        conflicts_with = "assessment"
    )]
    pub organisation: Option<String>,
    /// An assessment: the trend up to it
    #[arg(long)]
    pub assessment: Option<i64>,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}
