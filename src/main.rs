//! The `chibo` command: the application, or one of its non-interactive commands.

fn main() {
    std::process::exit(chibo::cli::main());
}
