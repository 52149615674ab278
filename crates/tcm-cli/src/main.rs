//! `tcm`: the TCM Workbench command-line tool. See `tcm --help`.

mod cli;
mod commands;
mod database;
mod failure;
mod load;
mod output;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let db = cli.db;
    let outcome = match cli.command {
        Command::Validate(args) => commands::validate::run(&args),
        Command::Score(args) => commands::score::run(&args, db),
        Command::Grid(args) => commands::grid::run(&args),
        Command::Form(args) => commands::form::run(&args),
        Command::Case(args) => commands::case::run(&args),
        Command::Class(command) => commands::class::run(&command, db),
        Command::Org(command) => commands::org::run(&command, db),
        Command::Assessment(command) => commands::assessment::run(&command, db),
        Command::Respondent(command) => commands::respondent::run(&command, db),
        Command::Answer(args) => commands::answer::run(&args, db),
        Command::Import(args) => commands::transfer::import(&args, db),
        Command::Export(args) => commands::transfer::export(&args, db),
        Command::Trend(args) => commands::trend::run(&args, db),
        Command::Report(args) => commands::report::report(&args, db),
        Command::Demo(args) => commands::report::demo(&args, db),
        Command::Check => commands::backup::check(db),
        Command::Live(args) => commands::live::run(&args, db),
        Command::Backup(args) => commands::backup::backup(&args, db),
        Command::Restore(args) => commands::backup::restore(&args, db),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
