//! The `chibo` command: the application, or one of its non-interactive commands.

#![forbid(unsafe_code)]

fn main() {
    std::process::exit(chibo::cli::main());
}
