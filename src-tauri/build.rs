fn main() {
    // tauri.conf.json sits at the repository root (the design card fixes it
    // there), so the capability files need an explicit pattern and a rerun hint.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
