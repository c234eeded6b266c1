//! A bare Tauri window: what the app's start-up and memory are measured against.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("bare window: {e}");
        std::process::exit(2);
    }
}
