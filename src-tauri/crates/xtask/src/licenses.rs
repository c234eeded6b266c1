//! The licences of what the program ships, generated (never written by
//! hand): every crate the app and `zhibu-cli` link (normal dependencies,
//! every platform), every npm package in the UI bundle (the lock file's
//! non-dev packages), and the bundled fonts.
//!
//! `assets/licenses/third-party.json` is the list the 关于 page shows;
//! `assets/licenses/THIRD-PARTY-LICENSES.txt` holds the licence texts found
//! in each package, identical texts written once with every package that
//! carries them. `cargo xtask licenses` writes both; `--check` (run by
//! `cargo xtask test`) fails when they are stale.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use crate::Result;

const LIST: &str = "assets/licenses/third-party.json";
const TEXTS: &str = "assets/licenses/THIRD-PARTY-LICENSES.txt";
/// The workspace packages whose dependencies ship.
const ROOTS: &[&str] = &["zhibu", "zhibu-cli"];

struct Package {
    name: String,
    version: String,
    license: String,
    dir: PathBuf,
}

fn crates(root: &Path) -> Result<Vec<Package>> {
    let out = Command::new(crate::cargo_bin())
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let meta: Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
    let packages: HashMap<&str, &Value> = meta["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p["id"].as_str()?, p)))
        .collect();
    let nodes: HashMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let mut pending: Vec<&str> = packages
        .iter()
        .filter(|(_, p)| p["source"].is_null() && ROOTS.contains(&p["name"].as_str().unwrap_or("")))
        .map(|(id, _)| *id)
        .collect();
    let mut seen: BTreeSet<&str> = pending.iter().copied().collect();
    while let Some(id) = pending.pop() {
        for dep in nodes
            .get(id)
            .and_then(|n| n["deps"].as_array())
            .into_iter()
            .flatten()
        {
            // Normal dependencies ship; build scripts and dev tools do not.
            let normal = dep["dep_kinds"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|k| k["kind"].is_null());
            if let Some(pkg) = dep["pkg"].as_str().filter(|_| normal) {
                if seen.insert(pkg) {
                    pending.push(pkg);
                }
            }
        }
    }
    let mut out: Vec<Package> = seen
        .into_iter()
        .filter_map(|id| packages.get(id))
        .filter(|p| !p["source"].is_null())
        .map(|p| Package {
            name: p["name"].as_str().unwrap_or("").to_string(),
            version: p["version"].as_str().unwrap_or("").to_string(),
            license: p["license"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| "见许可文件".into()),
            dir: Path::new(p["manifest_path"].as_str().unwrap_or(""))
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
        })
        .collect();
    out.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
    Ok(out)
}

fn npm_packages(root: &Path) -> Result<Vec<Package>> {
    let lock = root.join("ui/package-lock.json");
    let text = std::fs::read(&lock).map_err(|e| format!("{}: {e}", lock.display()))?;
    let lock: Value = serde_json::from_slice(&text).map_err(|e| format!("package-lock: {e}"))?;
    let mut out: Vec<Package> = lock["packages"]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(key, p)| key.starts_with("node_modules/") && !p["dev"].as_bool().unwrap_or(false))
        .map(|(key, p)| {
            let name = key
                .rsplit_once("node_modules/")
                .map_or(key.as_str(), |(_, n)| n);
            Package {
                name: name.to_string(),
                version: p["version"].as_str().unwrap_or("").to_string(),
                license: p["license"]
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| "见许可文件".into()),
                dir: root.join("ui").join(key),
            }
        })
        .collect();
    out.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
    out.dedup_by(|a, b| a.name == b.name && a.version == b.version);
    Ok(out)
}

/// The licence files in a package's folder (LICENSE*, LICENCE*, COPYING*,
/// NOTICE*), each at most 64 KB, in name order.
fn licence_texts(dir: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p
                .file_name()
                .map(|n| n.to_string_lossy().to_uppercase())
                .unwrap_or_default();
            p.is_file()
                && ["LICENSE", "LICENCE", "COPYING", "NOTICE"]
                    .iter()
                    .any(|k| n.starts_with(k))
        })
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|f| std::fs::read(f).ok())
        .map(|b| String::from_utf8_lossy(&b[..b.len().min(64 << 10)]).replace("\r\n", "\n"))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

fn generate(root: &Path) -> Result<(String, String)> {
    let crates = crates(root)?;
    let npm = npm_packages(root)?;
    let entry = |p: &Package| json!({ "name": p.name, "version": p.version, "license": p.license });
    let list = json!({
        "fonts": [{
            "name": "Noto Sans SC、Noto Serif SC（思源黑体、思源宋体，子集）",
            "license": "OFL-1.1",
            "files": "assets/fonts/OFL.txt",
        }],
        "crates": crates.iter().map(entry).collect::<Vec<_>>(),
        "npm": npm.iter().map(entry).collect::<Vec<_>>(),
    });
    let mut by_text: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut without: Vec<String> = Vec::new();
    for (kind, p) in crates
        .iter()
        .map(|p| ("crate", p))
        .chain(npm.iter().map(|p| ("npm", p)))
    {
        let who = format!("{} {} {} ({})", kind, p.name, p.version, p.license);
        let texts = licence_texts(&p.dir);
        if texts.is_empty() {
            without.push(who);
            continue;
        }
        for t in texts {
            by_text.entry(t).or_default().push(who.clone());
        }
    }
    let ofl = std::fs::read_to_string(root.join("assets/fonts/OFL.txt"))
        .map_err(|e| format!("assets/fonts/OFL.txt: {e}"))?;
    let mut texts = String::from(
        "支部台账 — 随程序分发的第三方组件的许可文本（由 cargo xtask licenses 生成，请勿手工修改）\n\
         Licence texts of the third-party components shipped with 支部台账 (generated).\n\n",
    );
    texts.push_str("==== 字体 Fonts: Noto Sans SC, Noto Serif SC (subsets) — OFL-1.1 ====\n\n");
    texts.push_str(ofl.trim());
    texts.push_str("\n\n");
    for (text, who) in &by_text {
        texts.push_str(&format!("==== {} ====\n\n{text}\n\n", who.join("; ")));
    }
    if !without.is_empty() {
        texts.push_str(&format!(
            "==== 未附许可文件，许可见其声明 Packages without a licence file (see their declared licence) ====\n\n{}\n",
            without.join("\n")
        ));
    }
    let list = serde_json::to_string_pretty(&list).map_err(|e| e.to_string())? + "\n";
    Ok((list, texts))
}

/// `cargo xtask licenses [--check]`.
pub fn run(root: &Path, check: bool) -> Result {
    let (list, texts) = generate(root)?;
    let files = [(root.join(LIST), list), (root.join(TEXTS), texts)];
    if check {
        for (path, fresh) in &files {
            let now = std::fs::read_to_string(path).unwrap_or_default();
            if &now != fresh {
                return Err(format!(
                    "{} is stale: run `cargo xtask licenses` and commit the result",
                    path.display()
                ));
            }
        }
        println!("licence lists are current");
        return Ok(());
    }
    for (path, fresh) in &files {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, fresh).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {} ({} KB)", path.display(), fresh.len() / 1024);
    }
    Ok(())
}
