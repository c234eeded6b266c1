//! `zhibu-cli`: the use cases of 支部台账 without a window (see lib.rs).

fn main() -> std::process::ExitCode {
    zhibu_cli::main_with(std::env::args_os())
}
