//! zhibu-cli as a script would use it: exit codes, JSON on stdout, and
//! `{ kind, message }` on stderr.

use std::process::{Command, Output};

use serde_json::Value;

fn cli(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhibu-cli"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("ZHIBU_DATA_DIR")
        .output()
        .expect("run zhibu-cli")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn demo_then_info_prints_the_demo_branch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cli(dir.path(), &["demo"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cli(dir.path(), &["info", "--json"]);
    assert!(out.status.success());
    let info = json(&out);
    let branch = &info["branches"][0];
    assert_eq!(branch["org"]["name"], "东坡村党支部");
    assert_eq!(branch["org"]["parent_name"], "柳河镇党委");
    assert_eq!(branch["counts"]["total"], 16);
    assert_eq!(branch["counts"]["full"], 14);
    assert_eq!(branch["committee"].as_array().map(Vec::len), Some(5));
    assert_eq!(branch["term"]["years"], 5);
    assert!(branch["term"]["end"]
        .as_str()
        .is_some_and(|d| d.len() == 10));
    // Plain output is for people: Chinese, with the 换届 date.
    let text = String::from_utf8_lossy(&cli(dir.path(), &["info"]).stdout).to_string();
    assert!(
        text.contains("东坡村党支部") && text.contains("应换届"),
        "{text}"
    );
}

#[test]
fn init_creates_a_branch_with_the_default_term_for_its_kind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cli(
        dir.path(),
        &[
            "init",
            "--name",
            "机关第一党支部",
            "--kind",
            "机关",
            "--term-start",
            "2025-06-30",
            "--secretary",
            "李明",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let overview = json(&out);
    assert_eq!(overview["term"]["years"], 3);
    assert_eq!(overview["term"]["end"], "2028-06-30");
    assert_eq!(overview["committee"][0]["name"], "李明");
}

#[test]
fn errors_exit_non_zero_with_kind_and_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cli(
        dir.path(),
        &["init", "--name", "测试党支部", "--kind", "工厂", "--json"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err: Value = serde_json::from_slice(&out.stderr).expect("stderr is JSON");
    assert_eq!(err["kind"], "validation");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("两新组织")),
        "{err}"
    );

    assert!(cli(dir.path(), &["demo"]).status.success());
    let out = cli(dir.path(), &["demo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("已经有名为“东坡村党支部”"));
}

#[test]
fn members_list_prints_the_roster_as_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let out = cli(dir.path(), &["members", "list", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let roster = json(&out);
    assert_eq!(roster["counts"]["total"], 16);
    assert_eq!(roster["rows"].as_array().map(Vec::len), Some(16));
    let out = cli(
        dir.path(),
        &["members", "list", "--all", "--search", "hl", "--json"],
    );
    let names: Vec<String> = json(&out)["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["name"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        names,
        vec!["韩磊"],
        "pinyin initials find the transferred-out member"
    );
}
