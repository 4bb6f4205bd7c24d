//! Build script: under `CI=true` the tests that need tmux or root are compiled to run
//! (`cfg(chibo_ci)`), so CI's `cargo test` runs them and fails where the prerequisite is
//! missing; elsewhere they are `#[ignore]`d with the reason, and
//! `cargo test -- --include-ignored` runs them.

fn main() {
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rustc-check-cfg=cfg(chibo_ci)");
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        println!("cargo::rustc-cfg=chibo_ci");
    }
}
