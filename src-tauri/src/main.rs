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
    software_rendering();
    zhibu_app::run();
    std::process::ExitCode::SUCCESS
}

/// On Linux the web view draws in software, without WebKit's accelerated
/// compositing, unless the variable is already set (a technician can set it
/// to 0 to try the GPU path). A clerk's laptop often has no working GPU
/// driver — then compositing runs on the CPU through llvmpipe: about 60 MB
/// more memory for this window and a slower first screen
/// (`cargo xtask bench-startup`), and on some drivers a blank window. Forms
/// and tables lose nothing by it. Set here, first thing, while no other
/// thread runs, so WebKit and its web process see it.
fn software_rendering() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}
