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
                  tcm score -q questionnaires/sample.toml -a answers.csv --format table --lang en"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a questionnaire file and list every problem as file:line:column: message
    #[command(after_help = "Exit status: 0 when the file is valid, 1 otherwise.\n\n\
                            Examples:\n  tcm validate questionnaires/tcm-92.toml\n  \
                            tcm validate questionnaires/tcm-25-classroom.toml   (a variant: its base is read from the same folder)")]
    Validate(ValidateArgs),
    /// Score answers: per stage, per theme and the overall TCM index
    #[command(
        after_help = "The answers file has the header `respondent,question,answer[,comment]`, \
                            `,` or `;` as delimiter, and answers 0–4, NA or ?.\n\n\
                            Examples:\n  tcm score --questionnaire questionnaires/tcm-92.toml --answers answers.csv\n  \
                            tcm score -q questionnaires/tcm-92.toml -a answers.csv --format table"
    )]
    Score(ScoreArgs),
    /// Render a questionnaire for people to read and review (Markdown), or as a blank form to print (PDF)
    #[command(
        after_help = "Examples:\n  tcm grid questionnaires/tcm-92.toml --format md > grid.md\n  \
                            tcm grid questionnaires/tcm-92.toml --format md --lang fr --out grille.md\n  \
                            tcm grid questionnaires/tcm-92.toml --pdf grille.pdf   (tick boxes 0–4, NA, ? and lines for remarks)"
    )]
    Grid(GridArgs),
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
    /// Write a blank printable form (PDF, dated today) to this file instead; French unless --lang en
    #[arg(long, value_name = "OUT.pdf", conflicts_with_all = ["out", "format"])]
    pub pdf: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GridFormat {
    /// Markdown
    Md,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The questionnaire file (TOML)
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The questionnaire file (TOML) the answers refer to
    #[arg(short, long, value_name = "FILE")]
    pub questionnaire: PathBuf,
    /// The answers file (CSV, long format)
    #[arg(short, long, value_name = "ANSWERS.csv")]
    pub answers: PathBuf,
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
