// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// `zhibu --cli …` runs the command line (zhibu-cli) without a window: the
/// Linux package's `/usr/bin/zhibu-cli` is a script that calls it, so the
/// typesetter and fonts are carried once instead of in two binaries.
fn main() -> std::process::ExitCode {
    let rest: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if rest.first().is_some_and(|a| a == "--cli") {
        let cli_args =
            std::iter::once(std::ffi::OsString::from("zhibu-cli")).chain(rest.into_iter().skip(1));
        return zhibu_cli::main_with(cli_args);
    }
    zhibu_app::run();
    std::process::ExitCode::SUCCESS
}
