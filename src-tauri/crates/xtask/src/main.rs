//! The README's commands, the same on a developer's machine and in CI:
//!
//!   cargo xtask run   [-- APP ARGS]  install what is missing, build, open the app
//!   cargo xtask test                 install what is missing, run every test
//!   cargo xtask e2e   [--only NAME]  only the end-to-end flows (app built first)
//!   cargo xtask licenses [--check]   write (or check) the third-party licence lists
//!   cargo xtask package [--check]    release build, .deb and .rpm (--check: install test on a clean root)
//!   cargo xtask bench-startup        start-up, memory and size of the release app against a bare Tauri window
//!
//! Each step says what it does and how long it took. Installation is
//! idempotent: what is already there is reused, never rebuilt from scratch.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

mod licenses;
mod package;

/// Debian packages the app needs to build and run (Tauri on WebKitGTK).
const BUILD_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "file",
    "libwebkit2gtk-4.1-dev",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
];

/// Extra packages for the end-to-end tests: the WebKit WebDriver, a virtual
/// display and a session bus.
const TEST_PACKAGES: &[&str] = &[
    "webkit2gtk-driver",
    "xvfb",
    "xauth",
    "dbus",
    "poppler-utils",
];

/// The date the end-to-end flows run on, so screenshots do not drift.
const E2E_TODAY: &str = "2026-11-22";

pub(crate) type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = repo_root();
    let outcome = match args.first().map(String::as_str) {
        Some("run") => run(&root, &args[1..]),
        Some("test") => test(&root),
        Some("bench-startup") => bench_startup(&root),
        Some("package") => package::run(
            &root,
            args.iter().any(|a| a == "--check"),
            !args.iter().any(|a| a == "--no-build"),
        ),
        Some("licenses") => licenses::run(&root, args.iter().any(|a| a == "--check")),
        Some("e2e") => prepare(&root, true)
            .and_then(|()| build_app(&root))
            .and_then(|()| e2e(&root, &args[1..])),
        _ => {
            eprintln!("usage: cargo xtask run [-- APP ARGS] | cargo xtask test | cargo xtask e2e [--only NAME] | cargo xtask licenses [--check] | cargo xtask package [--check] [--no-build] | cargo xtask bench-startup");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn repo_root() -> PathBuf {
    // src-tauri/crates/xtask → repository root.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

pub(crate) fn step<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    println!("\n==> {name}");
    let start = Instant::now();
    let out = f();
    let secs = start.elapsed().as_secs_f32();
    match &out {
        Ok(_) => println!("<== {name}: ok ({secs:.1} s)"),
        Err(_) => println!("<== {name}: FAILED ({secs:.1} s)"),
    }
    out
}

pub(crate) fn sh(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

pub(crate) fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("cargo"))
}

pub(crate) fn cargo(root: &Path) -> Command {
    let mut c = Command::new(cargo_bin());
    c.current_dir(root);
    c
}

fn npm(root: &Path) -> Command {
    // On Windows npm is a batch file, which Command finds only by its full name.
    let mut c = Command::new(if cfg!(windows) { "npm.cmd" } else { "npm" });
    c.current_dir(root.join("ui"));
    c
}

/// Installs what is missing: Debian packages, tauri-driver, the UI's npm packages.
pub(crate) fn prepare(root: &Path, for_tests: bool) -> Result {
    if cfg!(target_os = "linux") && Path::new("/usr/bin/dpkg-query").exists() {
        let mut wanted: Vec<&str> = BUILD_PACKAGES.to_vec();
        if for_tests {
            wanted.extend_from_slice(TEST_PACKAGES);
        }
        step("Debian packages", || apt_install(&wanted))?;
    }
    step("Node.js", check_node)?;
    if for_tests && cfg!(target_os = "linux") {
        step("tauri-driver", || {
            if tauri_driver().is_some() {
                println!("tauri-driver present");
                return Ok(());
            }
            sh(cargo(root).args(["install", "tauri-driver", "--version", "^2", "--locked"]))
        })?;
    }
    step("npm packages (ui/)", || {
        let stamp = root.join("ui/node_modules/.package-lock.json");
        let lock = root.join("ui/package-lock.json");
        let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
            (Ok(s), Ok(l)) => s.modified().ok() >= l.modified().ok(),
            _ => false,
        };
        if fresh {
            println!("node_modules is current");
            return Ok(());
        }
        // `npm install --no-save` installs exactly the locked versions like
        // `npm ci`, but tolerates a registry mirror that lacks other
        // platforms' optional packages (rollup, esbuild and the tauri CLI
        // list every platform; `npm ci` refuses a lock missing any of them).
        sh(npm(root).args(["install", "--no-save", "--no-audit", "--no-fund"]))
    })
}

pub(crate) fn apt_install(packages: &[&str]) -> Result {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| {
            let out = Command::new("dpkg-query")
                .args(["-W", "-f=${Status}", p])
                .output();
            !out.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        })
        .collect();
    if missing.is_empty() {
        println!("all {} packages present", packages.len());
        return Ok(());
    }
    println!("missing: {}", missing.join(" "));
    let root_user = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    if !root_user {
        return Err(format!(
            "please install them first: sudo apt-get update && sudo apt-get install -y {}",
            missing.join(" ")
        ));
    }
    sh(Command::new("apt-get").arg("update"))?;
    sh(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

fn check_node() -> Result {
    let out = Command::new("node")
        .arg("--version")
        .output()
        .map_err(|_| "Node.js 20.19 or newer is needed (https://nodejs.org or your distribution's nodejs package)".to_string())?;
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let mut parts = version
        .trim_start_matches('v')
        .split('.')
        .map(|p| p.parse::<u32>().unwrap_or(0));
    let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    if major < 20 || (major == 20 && minor < 19) {
        return Err(format!(
            "Node.js {version} is too old: Vite 7 needs 20.19 or newer"
        ));
    }
    println!("node {version}");
    Ok(())
}

fn build_ui(root: &Path) -> Result {
    step("UI build (vite)", || sh(npm(root).args(["run", "build"])))
}

/// The real app with the UI embedded (the package's default feature).
fn build_app(root: &Path) -> Result {
    build_ui(root)?;
    step("app build (cargo build --workspace --bins)", || {
        sh(cargo(root).args(["build", "--workspace", "--bins"]))
    })
}

fn run(root: &Path, app_args: &[String]) -> Result {
    prepare(root, false)?;
    build_app(root)?;
    let args: Vec<&String> = app_args.iter().filter(|a| a.as_str() != "--").collect();
    println!("\n==> 支部台账 (close the window to finish)");
    sh(Command::new(
        root.join("target/debug")
            .join(format!("zhibu{}", std::env::consts::EXE_SUFFIX)),
    )
    .args(args)
    .current_dir(root))
}

fn test(root: &Path) -> Result {
    let start = Instant::now();
    prepare(root, true)?;
    step("UI type check (vue-tsc --noEmit)", || {
        sh(npm(root).args(["run", "typecheck"]))
    })?;
    step("UI lint (eslint, no warnings allowed)", || {
        sh(npm(root).args(["run", "lint"]))
    })?;
    step("UI unit tests (vitest)", || sh(npm(root).args(["test"])))?;
    build_ui(root)?;
    step("rustfmt", || {
        sh(cargo(root).args(["fmt", "--all", "--check"]))
    })?;
    step("licence lists (cargo xtask licenses --check)", || {
        licenses::run(root, true)
    })?;
    step("clippy", || {
        sh(cargo(root).args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step(
        "Rust tests (core, CLI, app commands on the mock runtime)",
        || sh(cargo(root).args(["test", "--workspace"])),
    )?;
    step("app build (cargo build --workspace --bins)", || {
        sh(cargo(root).args(["build", "--workspace", "--bins"]))
    })?;
    if cfg!(target_os = "linux") {
        e2e(root, &[])?;
    } else {
        println!("\nend-to-end flows run on Linux only (WebKitWebDriver); skipped here");
    }
    println!(
        "\nall tests passed in {:.0} s",
        start.elapsed().as_secs_f32()
    );
    Ok(())
}

fn e2e(root: &Path, extra: &[String]) -> Result {
    step(
        "end-to-end flows (Xvfb + tauri-driver + WebKitWebDriver)",
        || {
            let driver = tauri_driver().ok_or("tauri-driver is not installed")?;
            sh(Command::new("dbus-run-session")
                // Room for a 1366×768 window too (ZHIBU_E2E_WINDOW).
                .args(["--", "xvfb-run", "-a", "-s", "-screen 0 1600x1024x24"])
                .arg(root.join("target/debug/zhibu-e2e"))
                .args([
                    "--app",
                    "target/debug/zhibu",
                    "--driver",
                    &driver,
                    "--shots",
                    "target/e2e-screenshots",
                ])
                .args(extra)
                .current_dir(root)
                // Without this each launch can stall ~35 s on AT-SPI over D-Bus.
                .env("NO_AT_BRIDGE", "1")
                .env("ZHIBU_TODAY", E2E_TODAY))
        },
    )
}

/// The release app (as `cargo xtask package` builds it) and a bare Tauri
/// window of the same tauri version, launched alternately under Xvfb; prints
/// medians and ratios. A benchmark, not a test.
fn bench_startup(root: &Path) -> Result {
    prepare(root, true)?;
    build_ui(root)?;
    step("release app and bare window", || {
        sh(cargo(root).args(["build", "--release", "-p", "zhibu", "--bin", "zhibu"]))?;
        sh(cargo(root).args([
            "build",
            "--release",
            "-p",
            "zhibu-bare-window",
            "--features",
            "bench",
        ]))?;
        sh(cargo(root).args(["build", "-p", "zhibu-e2e"]))
    })?;
    step("start-up benchmark (Xvfb + tauri-driver)", || {
        let driver = tauri_driver().ok_or("tauri-driver is not installed")?;
        sh(Command::new("dbus-run-session")
            .args(["--", "xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"])
            .arg(root.join("target/debug/zhibu-e2e"))
            .args(["--app", "target/release/zhibu", "--driver", &driver])
            .args(["--bench-startup", "target/release/zhibu-bare-window"])
            .args(["--shots", "target/bench-shots"])
            .current_dir(root)
            .env("NO_AT_BRIDGE", "1")
            .env("ZHIBU_TODAY", E2E_TODAY))
    })
}

/// tauri-driver on PATH, or where `cargo install` put it.
pub(crate) fn tauri_driver() -> Option<String> {
    which("tauri-driver").or_else(|| {
        let path = home::cargo_bin_dir().join("tauri-driver");
        path.exists().then(|| path.display().to_string())
    })
}

fn which(program: &str) -> Option<String> {
    let out = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .ok()?;
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (!path.is_empty()).then_some(path)
}

mod home {
    use std::path::PathBuf;

    /// Where `cargo install` puts binaries, even when it is not on PATH.
    pub fn cargo_bin_dir() -> PathBuf {
        std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
            .unwrap_or_else(|| PathBuf::from("."))
            .join("bin")
    }
}
