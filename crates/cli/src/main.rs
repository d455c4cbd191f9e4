//! The `depesche` binary: parses the command line and runs a command.
//!
//! Exit status: 0 when everything was analysed, 1 when some inputs failed (each
//! named on stderr), 2 on usage errors.

/// Prints one line of a report to stdout, as `println!` does; a reader that closed
/// the pipe (`depesche eval … | head`) ends the program quietly instead of making it
/// panic.
macro_rules! say {
    () => {
        $crate::report_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::report_line(format_args!($($arg)*))
    };
}

mod analyze;
mod args;
mod bench;
mod eval;
mod input;
mod memory;
mod ner;
mod sink;
mod train;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let result = match &cli.command {
        args::Command::Analyze(a) => analyze::run(a),
        args::Command::Eval(task) => eval::run(task).map(|()| 0),
        args::Command::Bench(b) => bench::run(b).map(|()| 0),
        args::Command::Train(task) => train::run(task).map(|()| 0),
    };
    match result {
        Ok(0) => ExitCode::SUCCESS,
        Ok(failed) => {
            eprintln!("{failed} input(s) failed");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Writes `line` and a newline to stdout (see `say!`).
pub(crate) fn report_line(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    if let Err(e) = writeln!(std::io::stdout().lock(), "{line}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: writing to stdout: {e}");
        std::process::exit(1);
    }
}
