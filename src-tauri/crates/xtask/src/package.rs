//! `cargo xtask package [--check]`: the Linux packages, and a test of the
//! `.deb` on a clean Debian 12.
//!
//! The release app is built once (it is also the command line: the
//! packages' `/usr/bin/zhibu-cli` runs `zhibu --cli`), then the Tauri bundler
//! makes the `.deb` and `.rpm` (both offline; AppImage is left out because
//! its build downloads linuxdeploy). `--check` then installs the `.deb` with
//! apt into a minimal Debian 12 root made by debootstrap from this machine's
//! apt sources — no Chinese font, no build tools — starts the installed app
//! there under Xvfb on an empty data folder, loads the demo branch through
//! the first-run screen with WebDriver, checks every visible text is in the
//! bundled font, and saves screenshots; and copies the installed binary to a
//! folder with `zhibu-data/` beside it to test portable mode.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::{cargo, sh, step, Result};

/// Where the clean root is made (kept between runs: debootstrap takes minutes).
const ROOT: &str = "target/package-check/root";

/// `build` false (`--no-build`) checks the packages already made.
pub fn run(root: &Path, check: bool, build: bool) -> Result {
    let start = Instant::now();
    crate::prepare(root, false)?;
    if build {
        step("app, .deb and .rpm (tauri build --bundles deb,rpm)", || {
            sh(Command::new(root.join("ui/node_modules/.bin/tauri"))
                .args(["build", "--bundles", "deb,rpm"])
                .current_dir(root))
        })?;
    }
    let deb = newest(&root.join("target/release/bundle/deb"), "deb")?;
    let rpm = newest(&root.join("target/release/bundle/rpm"), "rpm").ok();
    for p in std::iter::once(&deb).chain(rpm.iter()) {
        let bytes = std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        println!("{} ({:.1} MB)", p.display(), bytes as f64 / 1_048_576.0);
    }
    step(".deb contents (dpkg-deb)", || inspect(&deb))?;
    if check {
        step("clean Debian 12 root (debootstrap)", || clean_root(root))?;
        step("install the .deb with apt in the clean root", || {
            install(root, &deb)
        })?;
        step("installed app in the clean root (Xvfb + WebDriver)", || {
            drive(root)
        })?;
    }
    println!("\npackage done in {:.0} s", start.elapsed().as_secs_f32());
    Ok(())
}

fn newest(dir: &Path, ext: &str) -> Result<PathBuf> {
    std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
        .ok_or_else(|| format!("no .{ext} in {}", dir.display()))
}

/// The package's fields and files a clerk's system relies on.
fn inspect(deb: &Path) -> Result {
    let fields = output(Command::new("dpkg-deb").arg("--field").arg(deb))?;
    print!("{fields}");
    let files = output(Command::new("dpkg-deb").arg("--contents").arg(deb))?;
    // dpkg-deb lists paths with or without a leading "./".
    let paths: Vec<&str> = files
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .map(|p| p.trim_start_matches("./"))
        .collect();
    for wanted in [
        "usr/bin/zhibu",
        "usr/bin/zhibu-cli",
        "usr/share/applications/zhibu.desktop",
        "usr/share/doc/zhibu/THIRD-PARTY-LICENSES.txt",
    ] {
        if !paths.contains(&wanted) {
            return Err(format!("the .deb lacks {wanted}:\n{files}"));
        }
    }
    if !fields.lines().any(|l| l == "Package: zhibu") {
        return Err("the .deb's package name is not the ASCII `zhibu` dpkg accepts".into());
    }
    if !fields.contains("libwebkit2gtk-4.1-0") {
        return Err("the .deb does not depend on libwebkit2gtk-4.1-0".into());
    }
    println!("has /usr/bin/zhibu, /usr/bin/zhibu-cli, the desktop entry and the licences");
    Ok(())
}

fn output(cmd: &mut Command) -> Result<String> {
    let shown = format!("{cmd:?}");
    let out = cmd
        .output()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{shown} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The first `URIs:` (deb822) or `deb` line of this machine's apt sources.
fn mirror() -> String {
    let mut texts: Vec<String> = Vec::new();
    for p in [
        "/etc/apt/sources.list.d/debian.sources",
        "/etc/apt/sources.list",
    ] {
        if let Ok(t) = std::fs::read_to_string(p) {
            texts.push(t);
        }
    }
    for t in &texts {
        for line in t.lines() {
            let line = line.trim();
            if let Some(uri) = line.strip_prefix("URIs:") {
                if let Some(u) = uri.split_whitespace().find(|u| !u.contains("security")) {
                    return u.to_string();
                }
            }
            if let Some(rest) = line.strip_prefix("deb ") {
                if let Some(u) = rest.split_whitespace().find(|u| u.starts_with("http")) {
                    return u.to_string();
                }
            }
        }
    }
    "http://deb.debian.org/debian".into()
}

/// Runs `f` with /proc, /sys, /dev and /dev/pts of this machine mounted in
/// the clean root (WebKit needs them), unmounted afterwards whatever happened.
fn with_mounts<T>(root: &Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let dir = root.join(ROOT);
    let mounts = [
        ("proc", "proc", "-t proc"),
        ("sys", "sys", "-t sysfs"),
        ("dev", "/dev", "--bind"),
        ("dev/pts", "/dev/pts", "--bind"),
    ];
    let mut mounted: Vec<PathBuf> = Vec::new();
    for (at, what, how) in mounts {
        let target = dir.join(at);
        let _ = std::fs::create_dir_all(&target);
        let ok = Command::new("sh")
            .arg("-c")
            .arg(format!("mount {how} {what} '{}'", target.display()))
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            mounted.push(target);
        }
    }
    let out = f();
    release_root(&dir);
    for m in mounted.iter().rev() {
        let _ = Command::new("umount").arg("-l").arg(m).status();
    }
    out
}

/// Ends every process still running inside the root (the session bus that
/// `dbus-run-session` leaves when it is killed, and the desktop portals it
/// started) and unmounts what they mounted there (the document portal's
/// FUSE file system), so nothing of a check outlives it.
fn release_root(dir: &Path) {
    let Ok(dir) = std::fs::canonicalize(dir) else {
        return;
    };
    let inside: Vec<String> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        })
        .filter(|e| std::fs::read_link(e.path().join("root")).is_ok_and(|r| r == dir))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    if !inside.is_empty() {
        let _ = Command::new("kill").arg("-9").args(&inside).status();
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    let mounts = std::fs::read_to_string("/proc/mounts").unwrap_or_default();
    let mut below: Vec<&str> = mounts
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1))
        .filter(|m| {
            let m = Path::new(m);
            m.starts_with(&dir)
                && !["proc", "sys", "dev", "dev/pts"]
                    .iter()
                    .any(|own| m == dir.join(own))
        })
        .collect();
    below.sort_by_key(|m| std::cmp::Reverse(m.len()));
    for m in below {
        let _ = Command::new("umount").arg("-l").arg(m).status();
    }
}

/// Runs `script` with `sh -c` inside the clean root.
fn in_root(root: &Path, script: &str) -> Result {
    let dir = root.join(ROOT);
    with_mounts(root, || {
        sh(Command::new("chroot")
            .arg(&dir)
            .args(["/bin/sh", "-c", script])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .env(
                "PATH",
                "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ))
    })
}

fn clean_root(root: &Path) -> Result {
    let dir = root.join(ROOT);
    if dir.join("usr/bin/apt-get").exists() && dir.join("etc/debian_version").exists() {
        println!("reusing {}", dir.display());
        return Ok(());
    }
    crate::apt_install(&["debootstrap"])?;
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    sh(Command::new("debootstrap")
        .args(["--variant=minbase", "bookworm"])
        .arg(&dir)
        .arg(mirror()))
}

fn install(root: &Path, deb: &Path) -> Result {
    let dir = root.join(ROOT);
    let inside = dir.join("tmp/zhibu.deb");
    std::fs::copy(deb, &inside).map_err(|e| format!("copy the .deb: {e}"))?;
    // The test's own tools (a virtual display, a session bus, the WebDriver)
    // are installed beside the app; none of them brings a Chinese font.
    // --reinstall: the root is kept between runs, and a new build of the same
    // version was otherwise "already the newest version" — the old one tested.
    in_root(
        root,
        "set -e; apt-get update -q; apt-get install -y -q --reinstall --no-install-recommends /tmp/zhibu.deb; \
         apt-get install -y -q --no-install-recommends xvfb xauth dbus webkit2gtk-driver fontconfig; \
         for f in $(fc-list :lang=zh file | cut -d: -f1); do \
           p=$(dpkg -S \"$f\" | cut -d: -f1); echo \"removing $p ($f): the test needs a system without Chinese fonts\"; \
           dpkg --purge --force-depends \"$p\"; done; \
         if [ -n \"$(fc-list :lang=zh)\" ]; then echo 'a Chinese font is left:'; fc-list :lang=zh; exit 1; fi; \
         echo 'no Chinese font in the clean root'; dpkg -s zhibu | grep -E '^(Version|Depends):'",
    )?;
    let driver = crate::tauri_driver()
        .ok_or("tauri-driver is not installed (cargo xtask test installs it)")?;
    let bin = dir.join("usr/local/bin/tauri-driver");
    std::fs::copy(&driver, &bin).map_err(|e| format!("copy tauri-driver: {e}"))?;
    Ok(())
}

/// The host's e2e harness drives the app installed in the root: tauri-driver
/// and WebKitWebDriver run inside it (the root shares this machine's
/// network, so the harness reaches them on localhost).
fn drive(root: &Path) -> Result {
    sh(cargo(root).args(["build", "-p", "zhibu-e2e"]))?;
    let dir = root.join(ROOT);
    let shots = root.join("target/package-check/screenshots");
    let _ = std::fs::remove_dir_all(&shots);
    // Ports free now, not the usual 4444/4445: a driver left running on
    // this machine holds those, and the root shares its network.
    let (port, native) = (free_port()?, free_port()?);
    let driver = format!("tauri-driver --port {port} --native-port {native}");
    // A start script inside the root: an X server, a session bus, then the
    // driver, which the harness asks for /usr/bin/zhibu.
    let script = dir.join("tmp/serve.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nrm -rf /tmp/zhibu-check-data\nexport NO_AT_BRIDGE=1 ZHIBU_TODAY=2026-11-22 HOME=/root\n\
             exec dbus-run-session -- xvfb-run -a -s '-screen 0 1280x1024x24' {driver}\n"
        ),
    )
    .map_err(|e| format!("{}: {e}", script.display()))?;
    let outcome = with_mounts(root, || {
        let mut server = Command::new("chroot")
            .arg(&dir)
            .args(["/bin/sh", "/tmp/serve.sh"])
            .spawn()
            .map_err(|e| format!("start the driver in the root: {e}"))?;
        // The harness waits until the driver listens; the driver then needs
        // a moment for its X server and bus.
        std::thread::sleep(std::time::Duration::from_secs(4));
        let out = sh(Command::new(root.join("target/debug/zhibu-e2e"))
            .args([
                "--remote",
                &format!("http://127.0.0.1:{port}"),
                "--app",
                "/usr/bin/zhibu",
            ])
            .args(["--data-root", "/tmp/zhibu-check-data", "--shots"])
            .arg(&shots)
            .args(["--only", "demo-tour"]));
        let _ = server.kill();
        let _ = Command::new("pkill").args(["-f", &driver]).status();
        std::thread::sleep(std::time::Duration::from_secs(1));
        out
    });
    outcome?;
    portable(root)?;
    println!("screenshots: {}", shots.display());
    Ok(())
}

/// A port nobody on this machine listens on now (the system's choice).
fn free_port() -> Result<u16> {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("cannot find a free port: {e}"))
}

/// The installed binaries copied to a folder with `zhibu-data/` beside
/// them keep their data there (portable mode), without any flag.
fn portable(root: &Path) -> Result {
    in_root(
        root,
        "set -e; rm -rf /tmp/stick; mkdir -p /tmp/stick/zhibu-data; \
         cp /usr/bin/zhibu /usr/bin/zhibu-cli /tmp/stick/; \
         unset ZHIBU_DATA_DIR; HOME=/tmp/nobody-home /tmp/stick/zhibu-cli demo; \
         test -f /tmp/stick/zhibu-data/zhibu.db; \
         HOME=/tmp/nobody-home /tmp/stick/zhibu-cli info --json | grep -q 东坡村党支部; \
         test ! -e /tmp/nobody-home/.local/share/zhibu/zhibu.db; \
         echo 'portable mode: the data is in /tmp/stick/zhibu-data'",
    )
}
