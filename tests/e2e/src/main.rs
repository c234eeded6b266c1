//! End-to-end flows: the real built app in a real window (Xvfb), driven
//! through tauri-driver + WebKitWebDriver. Each flow gets a fresh data
//! directory and a fresh app process, and leaves PNG screenshots in
//! `target/e2e-screenshots/` for a person to look at.
//!
//! Adding a flow: write `fn my_flow(s: &Session) -> Result<()>` in `flows.rs`
//! and add one line to `flows::ALL`.
//!
//! Run through `cargo xtask test` (or `cargo xtask e2e`), which builds the
//! app, installs what is missing and starts Xvfb.

mod bench;
mod driver;
mod flows;

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use driver::Session;

struct Args {
    app: PathBuf,
    driver: PathBuf,
    shots: PathBuf,
    only: Option<String>,
    /// tauri-driver's port; by default a free one (with its WebKitWebDriver
    /// on another): a driver left running elsewhere holds 4444/4445, the
    /// usual ones, and then the first flow failed with "Peer disconnected".
    port: Option<u16>,
    /// A driver already listening there (the clean-root install test runs
    /// it inside the root); none is started.
    remote: Option<String>,
    /// With `remote`: where each flow's data folder is, as the app sees it
    /// (`<dir>/<flow>`); it is not created or prepared from here.
    data_root: Option<String>,
    /// `--bench-startup BARE`: measure the app against this bare window.
    bench_bare: Option<PathBuf>,
    /// Launches of each program in the benchmark (`--rounds N`). Single
    /// launches on a 2-core machine spread by ±50 ms and runs of 5 rounds
    /// gave ratios from 1.13× to 1.44× on one day with no change (issue 17).
    rounds: usize,
}

const ROUNDS: usize = 15;

fn parse_args() -> Args {
    let mut args = Args {
        app: PathBuf::from("target/debug/zhibu"),
        driver: PathBuf::from("tauri-driver"),
        shots: PathBuf::from("target/e2e-screenshots"),
        only: None,
        port: None,
        remote: None,
        data_root: None,
        bench_bare: None,
        rounds: ROUNDS,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().unwrap_or_default();
        match a.as_str() {
            "--app" => args.app = PathBuf::from(value()),
            "--driver" => args.driver = PathBuf::from(value()),
            "--shots" => args.shots = PathBuf::from(value()),
            "--only" => args.only = Some(value()),
            "--port" => args.port = value().parse().ok(),
            "--remote" => args.remote = Some(value()),
            "--data-root" => args.data_root = Some(value()),
            "--bench-startup" => args.bench_bare = Some(PathBuf::from(value())),
            "--rounds" => args.rounds = value().parse().unwrap_or(ROUNDS),
            other => eprintln!("ignoring unknown argument {other}"),
        }
    }
    args
}

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A port nobody listens on now (the system's choice).
fn free_port() -> Result<u16, String> {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("cannot find a free port: {e}"))
}

/// Starts tauri-driver; answers it and the port it listens on.
fn start_driver(args: &Args) -> Result<(Driver, u16), String> {
    let port = match args.port {
        Some(p) => p,
        None => free_port()?,
    };
    if TcpStream::connect(("127.0.0.1", port)).is_ok() {
        return Err(format!(
            "port {port} is in use already (a tauri-driver left running? `pgrep -a tauri-driver`); \
             stop it, or leave out --port to use a free one"
        ));
    }
    let native = free_port()?;
    let child = Command::new(&args.driver)
        .args(["--port", &port.to_string()])
        .args(["--native-port", &native.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", args.driver.display()))?;
    let mut driver = Driver(child);
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = driver.0.try_wait() {
            return Err(format!(
                "tauri-driver stopped before it listened ({status})"
            ));
        }
        if start.elapsed() > Duration::from_secs(20) {
            return Err("tauri-driver did not start listening within 20 s".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok((driver, port))
}

fn main() {
    let args = parse_args();
    let app = std::fs::canonicalize(&args.app).unwrap_or_else(|_| args.app.clone());
    if let Err(e) = std::fs::remove_dir_all(&args.shots) {
        if e.kind() != std::io::ErrorKind::NotFound {
            eprintln!("cannot clear {}: {e}", args.shots.display());
        }
    }
    let (_driver, url) = match &args.remote {
        Some(url) => {
            if let Err(e) = wait_for(url) {
                eprintln!("e2e: {e}");
                std::process::exit(2);
            }
            (None, url.clone())
        }
        None => match start_driver(&args) {
            Ok((d, port)) => (Some(d), format!("http://127.0.0.1:{port}")),
            Err(e) => {
                eprintln!("e2e: {e}");
                std::process::exit(2);
            }
        },
    };
    if let Some(bare) = &args.bench_bare {
        let outcome = bench::run(&bench::Bench {
            url: &url,
            app: &app,
            bare,
            rounds: args.rounds,
            shots: &args.shots,
        });
        drop(_driver);
        if let Err(e) = outcome {
            eprintln!("bench: {e}");
            std::process::exit(1);
        }
        return;
    }
    let (mut passed, mut failed) = (0, 0);
    for (index, flow) in flows::ALL.iter().enumerate() {
        if args.only.as_deref().is_some_and(|o| !flow.name.contains(o)) {
            continue;
        }
        let started = Instant::now();
        let outcome = run_flow(&url, &app, &args, index + 1, flow);
        match outcome {
            Ok(()) => {
                passed += 1;
                println!(
                    "flow {} ... ok ({:.1} s)",
                    flow.name,
                    started.elapsed().as_secs_f32()
                );
            }
            Err(e) => {
                failed += 1;
                println!(
                    "flow {} ... FAILED ({:.1} s)\n    {e}",
                    flow.name,
                    started.elapsed().as_secs_f32()
                );
            }
        }
    }
    drop(_driver);
    println!("screenshots: {}", args.shots.display());
    println!("e2e: {passed} passed, {failed} failed");
    if failed > 0 || passed == 0 {
        std::process::exit(1);
    }
}

fn run_flow(
    url: &str,
    app: &std::path::Path,
    args: &Args,
    index: usize,
    flow: &flows::Flow,
) -> Result<(), String> {
    let data = tempfile::tempdir().map_err(|e| e.to_string())?;
    let data_dir = match &args.data_root {
        // The app runs elsewhere (a clean root): its folder starts empty.
        Some(root) => format!("{root}/{}", flow.name),
        None => {
            (flow.prepare)(data.path())?;
            data.path().display().to_string()
        }
    };
    let app_args = vec!["--data-dir".to_string(), data_dir];
    let prefix = format!("{index:02}-{}", flow.name);
    let session = Session::start(url, app, &app_args, &args.shots, &prefix)?;
    let result = (flow.run)(&session, data.path());
    if result.is_err() {
        let _ = session.screenshot("FAILED");
    }
    session.end();
    result
}

/// Waits until a driver answers at `url` (http://host:port).
fn wait_for(url: &str) -> Result<(), String> {
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let start = Instant::now();
    while TcpStream::connect(&addr).is_err() {
        if start.elapsed() > Duration::from_secs(60) {
            return Err(format!("no driver answered at {url} within 60 s"));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok(())
}
