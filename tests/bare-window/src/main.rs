//! A bare Tauri window: what the app's start-up and memory are measured against.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // `--software-rendering`: draw without WebKit's accelerated compositing,
    // as the app does on Linux (src-tauri/src/main.rs), so the benchmark can
    // compare like with like as well as against the default.
    if std::env::args().any(|a| a == "--software-rendering") {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("bare window: {e}");
        std::process::exit(2);
    }
}
