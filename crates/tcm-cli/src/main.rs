//! `tcm`: the TCM Workbench command-line tool. See `tcm --help`.

mod cli;
mod commands;
mod failure;
mod load;
mod output;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Validate(args) => commands::validate::run(&args),
        Command::Score(args) => commands::score::run(&args),
        Command::Grid(args) => commands::grid::run(&args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
