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
        .env("ZHIBU_TODAY", "2026-11-22")
        .output()
        .expect("run zhibu-cli")
}

/// A `--json` refusal: exit code 1 and `{ kind, message }` on stderr.
fn refused(out: &Output) -> Value {
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    serde_json::from_slice(&out.stderr).expect("stderr is JSON")
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
    assert_eq!(branch["counts"]["total"], 18);
    assert_eq!(branch["counts"]["full"], 15);
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
    let err = refused(&out);
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
    assert_eq!(roster["counts"]["total"], 18);
    assert_eq!(roster["rows"].as_array().map(Vec::len), Some(18));
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

#[test]
fn members_export_then_import_into_a_new_branch_and_bad_rows_block_it() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    let file = a.path().join("花名册.xlsx");
    assert!(cli(a.path(), &["demo"]).status.success());
    let out = cli(
        a.path(),
        &["members", "export", file.to_str().expect("path")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    assert!(cli(
        b.path(),
        &["init", "--name", "新建村党支部", "--kind", "农村"]
    )
    .status
    .success());
    let out = cli(
        b.path(),
        &[
            "members",
            "import",
            file.to_str().expect("path"),
            "--dry-run",
            "--json",
        ],
    );
    assert!(out.status.success());
    let dry = json(&out);
    assert_eq!(
        (dry["would_add"].as_u64(), dry["added"].as_u64()),
        (Some(18), Some(0))
    );
    let out = cli(
        b.path(),
        &["members", "import", file.to_str().expect("path"), "--json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["added"], 18);
    let out = cli(
        b.path(),
        &["members", "import", file.to_str().expect("path"), "--json"],
    );
    assert_eq!(
        json(&out)["updated"],
        18,
        "re-import updates, never duplicates"
    );
    assert_eq!(
        json(&cli(b.path(), &["members", "list", "--json"]))["counts"]["total"],
        18
    );

    // One row whose ID number Excel turned into a number: nothing is imported.
    let c = tempfile::tempdir().expect("tempdir");
    assert!(cli(
        c.path(),
        &["init", "--name", "另一个党支部", "--kind", "企业"]
    )
    .status
    .success());
    let grid = zhibu_report::xlsx::read_sheet(&file, None).expect("read");
    let mut rows: Vec<_> = grid.into_iter().skip(2).collect();
    rows[3][5] = zhibu_core::members::excel::Cell::Number(3.7e17);
    let bad = c.path().join("有错.xlsx");
    zhibu_report::xlsx::write_roster(&bad, "有一行错误的花名册", &rows).expect("write");
    let out = cli(
        c.path(),
        &["members", "import", bad.to_str().expect("path"), "--json"],
    );
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(report["added"], 0);
    let problem = &report["problems"][0];
    assert_eq!(problem["row"], 6);
    assert!(
        problem["column"]
            .as_str()
            .is_some_and(|c| c.starts_with('F')),
        "{problem}"
    );
    assert_eq!(
        json(&cli(c.path(), &["members", "list", "--json"]))["counts"]["total"],
        0
    );
}

#[test]
fn meetings_list_search_and_check_on_the_demo_branch() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());

    let out = cli(
        dir.path(),
        &["meetings", "list", "--year", "2026", "--json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = json(&out);
    let list = list.as_array().expect("array");
    assert!(list.len() > 40, "{} meetings", list.len());
    assert!(list
        .iter()
        .all(|m| m["date"].as_str().is_some_and(|d| d.starts_with("2026-"))));
    let draft = list
        .iter()
        .find(|m| m["finalised"] == false)
        .expect("a draft");
    assert_eq!(draft["kind"], "主题党日");

    // A two-character word goes through the fallback scan.
    let out = cli(dir.path(), &["meetings", "search", "田宇", "--json"]);
    let hits = json(&out);
    let hits = hits.as_array().expect("array");
    assert!(hits
        .iter()
        .any(|h| h["meeting"]["topic"] == "讨论接收田宇同志为中共预备党员"));
    assert!(hits
        .iter()
        .all(|h| h["excerpt"].as_str().is_some_and(|e| e.contains("田宇"))));

    let out = cli(
        dir.path(),
        &["meetings", "check", "--year", "2026", "--json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = json(&out);
    let findings = check["findings"].as_array().expect("findings");
    let march = findings
        .iter()
        .find(|f| f["kind"] == "支部委员会" && f["period"] == "2026年3月")
        .expect("the missed March 支委会");
    assert_eq!(march["status"], "缺");
    assert!(march["clause"]
        .as_str()
        .is_some_and(|c| c.contains("支部工作条例")));
    assert!(findings
        .iter()
        .any(|f| f["kind"] == "主题党日" && f["status"] == "有记录未定稿"));
    let warned = check["participation"].as_array().expect("participation");
    assert!(warned
        .iter()
        .any(|p| p["name"] == "马俊杰" && p["level"] == "需支部研究"));

    let out = cli(dir.path(), &["meetings", "check", "--year", "12"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("年份“12”无效"));
}

#[test]
fn dues_rate_status_pay_and_export() {
    // 党费规定 第二条 with the 党务问答 example, and the 3000.01 edge.
    let dir = tempfile::tempdir().expect("tempdir");
    let rate = |args: &[&str]| {
        let out = cli(dir.path(), args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    assert_eq!(
        rate(&["dues", "rate", "--category", "在职", "--base", "5100"]),
        "76.50"
    );
    assert_eq!(
        rate(&["dues", "rate", "--category", "在职", "--base", "3000.01"]),
        "30.00"
    );
    assert_eq!(
        rate(&["dues", "rate", "--category", "离退休", "--base", "5000"]),
        "25.00"
    );
    assert_eq!(rate(&["dues", "rate", "--category", "学生"]), "0.20");
    let missing = cli(
        dir.path(),
        &["dues", "rate", "--category", "在职", "--json"],
    );
    assert!(!missing.status.success());
    let err: Value = serde_json::from_slice(&missing.stderr).expect("error JSON");
    assert_eq!(err["kind"], "validation");

    assert!(cli(dir.path(), &["demo"]).status.success());
    let status = json(&cli(
        dir.path(),
        &["dues", "status", "--month", "2026-11", "--json"],
    ));
    let rows = status["rows"].as_array().expect("rows");
    let row = |name: &str| {
        rows.iter()
            .find(|r| r["name"] == name)
            .cloned()
            .expect(name)
    };
    assert_eq!(row("黄海波")["due_fen"], 7650);
    assert_eq!(row("孙桂兰")["state"], "逾期未交");
    assert_eq!(row("孙桂兰")["unpaid_run"], 3);
    assert_eq!(row("马俊杰")["state"], "在流入地交纳");

    let out = cli(
        dir.path(),
        &[
            "dues",
            "pay",
            "--member",
            "孙桂兰",
            "--months",
            "3",
            "--amount",
            "3",
            "--by",
            "孙桂兰的女儿",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let payment = json(&out);
    assert_eq!(payment["months"].as_array().map(Vec::len), Some(3));
    assert_eq!(payment["paid_by"], "孙桂兰的女儿");
    let status = json(&cli(dir.path(), &["dues", "status", "--json"]));
    let sun = status["rows"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["name"] == "孙桂兰").cloned())
        .expect("孙桂兰");
    assert_eq!(
        (sun["state"].as_str(), sun["unpaid_run"].as_u64()),
        (Some("已交"), Some(0))
    );
    let short = cli(
        dir.path(),
        &[
            "dues", "pay", "--member", "田宇", "--amount", "40", "--json",
        ],
    );
    let err: Value = serde_json::from_slice(&short.stderr).expect("error JSON");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("少了2.00元")),
        "{err}"
    );

    let file = dir.path().join("党费.xlsx");
    let out = cli(
        dir.path(),
        &[
            "dues",
            "export",
            "--year",
            "2026",
            file.to_str().expect("path"),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::metadata(&file)
        .map(|m| m.len() > 5000)
        .unwrap_or(false));
}

#[test]
fn development_list_check_and_stats() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let list = json(&cli(dir.path(), &["development", "list", "--json"]));
    let people = list.as_array().expect("people");
    let zhao = people.iter().find(|p| p["name"] == "赵敏").expect("赵敏");
    assert_eq!(zhao["stage"], "发展对象");
    assert_eq!(zhao["next"]["step"], 17);
    assert_eq!(zhao["next"]["due"], "2026-10-22");
    assert_eq!(zhao["overdue"], true);
    let check = json(&cli(dir.path(), &["development", "check", "--json"]));
    assert!(check
        .as_array()
        .is_some_and(|f| f.iter().any(|f| f["name"] == "赵敏"
            && f["clause"]
                .as_str()
                .is_some_and(|c| c.contains("第二十四条")))));
    let stats = json(&cli(
        dir.path(),
        &["development", "stats", "--year", "2026", "--json"],
    ));
    assert_eq!(stats["extended"], 1);
    let text = cli(dir.path(), &["development", "list"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("孙磊\t预备党员\t第22步 提出转正申请"));
}

#[test]
fn every_pdf_document_is_exported_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let meetings = json(&cli(
        dir.path(),
        &["meetings", "list", "--year", "2026", "--json"],
    ));
    let meeting = meetings[0]["id"].to_string();
    let people = json(&cli(dir.path(), &["development", "list", "--json"]));
    let person = people[0]["id"].to_string();
    let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let runs: [Vec<String>; 6] = [
        vec![
            "minutes".into(),
            "--year".into(),
            "2026".into(),
            "--type".into(),
            "党课".into(),
            "--out".into(),
            out("a.pdf"),
        ],
        vec![
            "roster".into(),
            "--day".into(),
            "2026-06-30".into(),
            "--out".into(),
            out("b.pdf"),
        ],
        vec![
            "dues".into(),
            "--year".into(),
            "2026".into(),
            "--out".into(),
            out("c.pdf"),
        ],
        vec![
            "dues-notice".into(),
            "--year".into(),
            "2026".into(),
            "--from".into(),
            "2026-12-01".into(),
            "--to".into(),
            "2026-12-07".into(),
            "--out".into(),
            out("g.pdf"),
        ],
        vec![
            "signin".into(),
            "--meeting".into(),
            meeting,
            "--out".into(),
            out("d.pdf"),
        ],
        vec![
            "development".into(),
            "--person".into(),
            person,
            "--out".into(),
            out("e.pdf"),
        ],
    ];
    for run in runs {
        let mut args = vec!["export"];
        args.extend(run.iter().map(String::as_str));
        args.push("--json");
        let done = json(&cli(dir.path(), &args));
        assert!(
            done["pages"].as_u64().is_some_and(|p| p >= 1),
            "{run:?}: {done}"
        );
        let file = run.last().expect("out");
        assert!(
            std::fs::read(file).expect("written").starts_with(b"%PDF"),
            "{run:?}"
        );
    }
    let refused = cli(
        dir.path(),
        &["export", "dues", "--year", "2019", "--out", &out("f.pdf")],
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("2019年没有应交党费的党员"));
    assert!(!dir.path().join("f.pdf").exists());
}

/// Backs up `data` to `usb` with the output size limited to `limit_kb`
/// (as a full stick or a FAT32 file-size limit does), SIGXFSZ ignored so the
/// write fails instead of killing the process.
fn backup_with_limit(data: &std::path::Path, usb: &std::path::Path, limit_kb: u64) -> Output {
    let script = format!(
        "trap '' XFSZ; ulimit -f {}; exec \"$0\" --data-dir \"$1\" backup --to \"$2\"",
        // POSIX sh counts 512-byte blocks.
        limit_kb * 2
    );
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_zhibu-cli"))
        .arg(data)
        .arg(usb)
        .env_remove("ZHIBU_DATA_DIR")
        .env("ZHIBU_TODAY", "2026-11-22")
        .output()
        .expect("run sh")
}

#[test]
fn a_backup_target_that_fills_up_leaves_earlier_backups_and_no_partial_file() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let usb = root.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    assert!(cli(&data, &["demo"]).status.success());
    // A large scan in the data directory, so the backup is larger than its snapshot.
    let scans = data.join("附件").join("发展党员").join("1");
    std::fs::create_dir_all(&scans).expect("scans");
    let noise: Vec<u8> = (0..3_000_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    // Named as the program stores scans: a backup carries nothing else.
    std::fs::write(scans.join("0123456789abcdef.pdf"), &noise).expect("scan");

    let good = cli(
        &data,
        &["backup", "--to", usb.to_str().expect("path"), "--json"],
    );
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let first = json(&good)["path"].as_str().expect("path").to_string();
    let before = std::fs::read(&first).expect("first backup");

    let full = backup_with_limit(&data, &usb, 2_000);
    assert!(!full.status.success());
    let message = String::from_utf8_lossy(&full.stderr);
    assert!(
        message.contains("空间不够") && message.contains("原有备份没有受影响"),
        "{message}"
    );
    let names: Vec<String> = std::fs::read_dir(&usb)
        .expect("usb")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "only the earlier backup: {names:?}");
    assert_eq!(
        std::fs::read(&first).expect("first"),
        before,
        "the earlier backup is untouched"
    );
    assert!(cli(&data, &["verify", &first]).status.success());
}

/// While another program (here this test, as the app would) holds the data
/// folder, `backup` and `restore` say so, exit 1 and change nothing.
#[test]
fn a_folder_another_program_has_open_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cli(dir.path(), &["demo"]);
    assert!(out.status.success());
    let usb = tempfile::tempdir().expect("usb");
    let made = cli(
        dir.path(),
        &["backup", "--to", usb.path().to_str().expect("utf-8")],
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let file = std::fs::read_dir(usb.path())
        .expect("usb")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "zhibu"))
        .expect("a backup");
    let before = std::fs::read(dir.path().join("zhibu.db")).expect("db");

    let held = zhibu_core::lock::acquire(dir.path(), "支部台账窗口").expect("hold the folder");
    for args in [
        vec!["backup", "--to", usb.path().to_str().expect("utf-8")],
        vec!["--json", "restore", file.to_str().expect("utf-8")],
        vec!["info"],
    ] {
        let out = cli(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("正由支部台账窗口"), "{args:?}: {err}");
    }
    assert_eq!(
        std::fs::read(dir.path().join("zhibu.db")).expect("db"),
        before
    );
    assert_eq!(
        std::fs::read_dir(usb.path()).expect("usb").count(),
        1,
        "no second backup"
    );
    drop(held);
    assert!(cli(dir.path(), &["info"]).status.success(), "free again");
}

/// `zhibu-cli … --json | head`: the reader goes away and the program ends
/// quietly instead of panicking on the closed pipe.
#[cfg(unix)]
#[test]
fn a_reader_that_goes_away_ends_the_program_quietly() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhibu-cli"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["meetings", "list", "--year", "2026", "--json"])
        .env("ZHIBU_TODAY", "2026-11-22")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // The reader goes away before the program has opened the database, so
    // its first write meets a closed pipe (EPIPE), whatever the buffer size.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

/// The hostile and odd files of the hardening issue, from the command line:
/// each is refused with a Chinese message and exit code 1, and every file is
/// left as it was; a backup a clerk renamed on the stick no longer breaks
/// the next backup.
#[test]
fn hostile_files_are_refused_with_exit_code_one_and_nothing_changes() {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    let usb = root.path().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    assert!(cli(&data, &["demo"]).status.success());
    let usb_arg = usb.to_str().expect("utf-8");
    assert!(cli(&data, &["backup", "--to", usb_arg]).status.success());
    let good = std::fs::read_dir(&usb)
        .expect("usb")
        .flatten()
        .map(|e| e.path())
        .next()
        .expect("a backup");

    // A backup renamed by hand sits on the stick; the next backup works.
    let renamed = usb.join("支部台账备份-2026年11月22日.zhibu");
    std::fs::copy(&good, &renamed).expect("renamed copy");
    let again = cli(&data, &["backup", "--to", usb_arg]);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(renamed.exists());

    let db_before = std::fs::read(data.join("zhibu.db")).expect("db");

    // A roster with text 20,001 rows down.
    let huge = root.path().join("花名册.xlsx");
    let mut rows = vec![Vec::new(); 20_001];
    rows.push(vec![zhibu_core::members::excel::Cell::Text("某某".into())]);
    zhibu_report::xlsx::write_roster(&huge, "花名册", &rows).expect("write");
    let out = cli(&data, &["members", "import", huge.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("删除多余的空行和空列"), "{err}");

    // A backup with a link in it.
    let forged = root.path().join("支部台账备份-伪造.zhibu");
    {
        let mut archive = tar::Archive::new(std::fs::File::open(&good).expect("open"));
        let mut builder = tar::Builder::new(std::fs::File::create(&forged).expect("create"));
        let mut entries: Vec<(tar::Header, Vec<u8>)> = Vec::new();
        for e in archive.entries().expect("entries") {
            let mut e = e.expect("entry");
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut e, &mut bytes).expect("read");
            entries.push((e.header().clone(), bytes));
        }
        let manifest = entries.pop().expect("manifest");
        for (h, b) in &entries {
            builder.append(h, &b[..]).expect("append");
        }
        let mut link = tar::Header::new_gnu();
        link.set_entry_type(tar::EntryType::Symlink);
        link.set_size(0);
        link.set_path("附件/1/0123456789abcdef.jpg").expect("path");
        link.set_link_name("/etc/passwd").expect("link");
        link.set_cksum();
        builder.append(&link, std::io::empty()).expect("link");
        builder
            .append(&manifest.0, &manifest.1[..])
            .expect("manifest");
        builder.finish().expect("finish");
    }
    let forged_arg = forged.to_str().expect("utf-8");
    for args in [vec!["verify", forged_arg], vec!["restore", forged_arg]] {
        let out = cli(&data, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("不是本程序制作的备份"), "{args:?}: {err}");
    }
    assert_eq!(
        std::fs::read(data.join("zhibu.db")).expect("db"),
        db_before,
        "the data is as it was"
    );
    assert!(
        !data.join("backups").join("恢复前").exists(),
        "no restore began"
    );
}

/// `members event` runs the 登记变动 use case: same checks, same Chinese
/// messages, exit 1 on a refusal with nothing written; `members show` lists
/// the history. The 流动 reminder of `info` goes once 马俊杰 is back.
#[test]
fn members_event_records_history_with_the_screens_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let reminders = |dir: &std::path::Path| -> Vec<String> {
        let info = json(&cli(dir, &["info", "--json"]));
        info["branches"][0]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter_map(|f| f["message"].as_str().map(str::to_string))
            .filter(|m| m.contains("已满6个月"))
            .collect()
    };
    let before = reminders(dir.path());
    assert!(
        before.len() == 2 && before[0].starts_with("马俊杰") && before[1].starts_with("潘志明"),
        "{before:?}"
    );
    assert!(
        json(&cli(dir.path(), &["info", "--json"]))["branches"][0]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["clause"]
                .as_str()
                .is_some_and(|c| c.contains("第二十五条")))
    );

    // A 正式党员 cannot be 转正 again: refused with the screen's words.
    let out = cli(
        dir.path(),
        &[
            "members",
            "event",
            "--member",
            "王建国",
            "--kind",
            "转正",
            "--date",
            "2026-11-20",
            "--json",
        ],
    );
    let err = refused(&out);
    assert_eq!(err["kind"], "rule");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("只有本支部的预备党员才能转正")),
        "{err}"
    );
    // An unknown kind lists the kinds there are.
    let out = cli(
        dir.path(),
        &[
            "members",
            "event",
            "--member",
            "王建国",
            "--kind",
            "失踪",
            "--date",
            "2026-11-20",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("恢复联系"));

    // Back from work, typed with full-width digits as an input method gives them.
    let out = cli(
        dir.path(),
        &[
            "members",
            "event",
            "--member",
            "马俊杰",
            "--kind",
            "返回",
            "--date",
            "２０２６年１１月２０日",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let detail = json(&out);
    let last = detail["history"]
        .as_array()
        .and_then(|h| h.last())
        .expect("history")
        .clone();
    assert_eq!(
        (last["kind"].as_str(), last["date"].as_str()),
        (Some("返回"), Some("2026-11-20"))
    );
    let after = reminders(dir.path());
    assert!(
        after.len() == 1 && after[0].starts_with("潘志明"),
        "back home: no reminder for him: {after:?}"
    );
    // 潘志明, out of contact nine months: 停止党籍 needs the search recorded
    // (党员教育管理工作条例第二十四条); once stopped, his reminder goes.
    let stop = |reason: Option<&str>| {
        let mut args = vec![
            "members",
            "event",
            "--member",
            "潘志明",
            "--kind",
            "停止党籍",
            "--date",
            "2026-11-22",
            "--json",
        ];
        if let Some(r) = reason {
            args.extend(["--reason", r]);
        }
        cli(dir.path(), &args)
    };
    let err = refused(&stop(None));
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("请填写查找情况")),
        "{err}"
    );
    assert!(stop(Some("走访家属和原务工单位，仍无法联系"))
        .status
        .success());
    assert!(reminders(dir.path()).is_empty(), "both acted on");
    let text = String::from_utf8_lossy(
        &cli(dir.path(), &["members", "show", "--member", "马俊杰"]).stdout,
    )
    .to_string();
    assert!(
        text.contains("2026年11月20日 返回") && text.contains("流出"),
        "{text}"
    );
}

/// `development step` records a step through the screen's use case: a
/// skipped step is refused citing the 细则, a good one moves the person on.
#[test]
fn development_step_runs_the_screens_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    // 赵敏 waits for the 上级党委审批 (17): 备案 (18) cannot come first.
    let out = cli(
        dir.path(),
        &[
            "development",
            "step",
            "--person",
            "赵敏",
            "--step",
            "18",
            "--date",
            "2026-11-20",
            "--json",
        ],
    );
    let err = refused(&out);
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("请先登记第17步") && m.contains("细则")),
        "{err}"
    );
    // 李晓红's 谈话 (step 2) by the 书记.
    let out = cli(
        dir.path(),
        &[
            "development",
            "step",
            "--person",
            "李晓红",
            "--step",
            "2",
            "--date",
            "2026年11月20日",
            "--people",
            "王建国",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["next"]["step"], 3);
    // Someone not on the roll cannot be the 谈话人; nothing is written.
    let out = cli(
        dir.path(),
        &[
            "development",
            "step",
            "--person",
            "王磊",
            "--step",
            "3",
            "--date",
            "2026-11-20",
            "--people",
            "无名氏",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("无名氏"));
    let list = json(&cli(dir.path(), &["development", "list", "--json"]));
    let wang = list
        .as_array()
        .and_then(|a| a.iter().find(|p| p["name"] == "王磊"))
        .expect("王磊");
    assert_eq!(wang["next"]["step"], 3, "still waiting for step 3");
}

#[test]
fn todo_lists_the_month_s_work_and_a_snooze_keeps_the_item_with_its_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let list = json(&cli(dir.path(), &["todo", "--json"]));
    assert_eq!(list["today"], "2026-11-22");
    assert_eq!(list["month"], "2026-11");
    let items = list["items"].as_array().expect("items");
    assert!(items.len() >= 5, "{items:#?}");
    // Every item says what it is, where to settle it, and carries a key.
    for i in items {
        assert!(i["title"].as_str().is_some_and(|t| !t.is_empty()), "{i}");
        assert!(i["target"]["screen"].is_string(), "{i}");
        assert!(i["snoozed"].is_null(), "{i}");
    }
    // The 换届 finding leads to 支部信息.
    let branch = items
        .iter()
        .find(|i| i["title"].as_str().is_some_and(|t| t.contains("换届")))
        .expect("换届 on the list");
    assert_eq!(branch["target"]["screen"], "Branch");
    let key = branch["key"].as_str().expect("a key");

    // A snooze without a reason is refused before anything is written.
    let out = cli(dir.path(), &["todo", "--snooze", key]);
    assert!(!out.status.success());
    let out = cli(
        dir.path(),
        &["todo", "--snooze", key, "--reason", "  ", "--json"],
    );
    assert!(refused(&out)["message"]
        .as_str()
        .is_some_and(|m| m.contains("暂缓的原因")));

    let out = cli(
        dir.path(),
        &[
            "todo",
            "--snooze",
            key,
            "--reason",
            "镇党委安排明年3月统一换届",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = json(&out);
    let items = after["items"].as_array().expect("items");
    // Still listed, now last, with the reason.
    let last = items.last().expect("an item");
    assert_eq!(last["key"], key);
    assert_eq!(last["snoozed"]["reason"], "镇党委安排明年3月统一换届");
    assert_eq!(Some(items.len()), list["items"].as_array().map(Vec::len));
    // Plain output says so too.
    let text = String::from_utf8_lossy(&cli(dir.path(), &["todo"]).stdout).to_string();
    assert!(
        text.contains("[暂缓]") && text.contains("镇党委安排明年3月统一换届"),
        "{text}"
    );
    // A second snooze is refused; the first stays.
    let out = cli(
        dir.path(),
        &["todo", "--snooze", key, "--reason", "再缓", "--json"],
    );
    assert!(refused(&out)["message"]
        .as_str()
        .is_some_and(|m| m.contains("不必再次暂缓")));
}

#[test]
fn stats_gives_every_figure_as_json_and_the_report_sentences_in_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(cli(dir.path(), &["demo"]).status.success());
    let s = json(&cli(
        dir.path(),
        &["stats", "--year", "2024", "--to", "2026", "--json"],
    ));
    assert_eq!(s["period"], "2024—2026年");
    assert_eq!(s["first"], "2024-01-01");
    assert_eq!(s["until"], "2026-11-22");
    let total = s["members"]["total"].as_u64().expect("total");
    assert!(total > 10, "{s}");
    let ages: u64 = s["members"]["age"]
        .as_array()
        .expect("age bands")
        .iter()
        .map(|a| a["male"].as_u64().unwrap_or(0) + a["female"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(ages, total);
    for part in ["development", "meetings", "dues"] {
        assert!(s[part].is_object(), "{part} missing: {s}");
    }
    assert!(s["dues"]["due_fen"].as_i64().is_some_and(|f| f > 0), "{s}");
    let report = s["report"].as_array().expect("report");
    assert!(report[0]
        .as_str()
        .is_some_and(|t| t.contains(&format!("支部共有党员{total}名"))));

    // In words, with the sentences to paste.
    let out = cli(dir.path(), &["stats"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("2026年统计"), "{text}");
    assert!(text.contains("写入汇报"), "{text}");
    assert!(text.contains("今年以来召开支部党员大会"), "{text}");

    // To a spreadsheet, read back.
    let file = dir.path().join("2026年统计.xlsx");
    let out = cli(
        dir.path(),
        &["stats", "--out", file.to_str().expect("path"), "--json"],
    );
    assert!(out.status.success());
    assert_eq!(json(&out)["sheets"][0], "写入汇报");
    let grid = zhibu_report::xlsx::read_sheet(&file, Some("党员队伍")).expect("read");
    let text = |t: &str| zhibu_core::members::excel::Cell::Text(t.into());
    let total = grid
        .iter()
        .find(|r| r.get(1) == Some(&text("党员总数")))
        .and_then(|r| r.get(2).cloned());
    assert_eq!(total, Some(zhibu_core::members::excel::Cell::Number(18.0)));

    // The 民主评议 sheets: a page per member on the roll during the year.
    let pdf = dir.path().join("评议.pdf");
    let out = cli(
        dir.path(),
        &[
            "export",
            "member-sheets",
            "--year",
            "2026",
            "--out",
            pdf.to_str().expect("path"),
            "--json",
        ],
    );
    assert!(out.status.success());
    // Those on the roll at the end of the year's count and those who left in it.
    let year = json(&cli(dir.path(), &["stats", "--json"]));
    let left: u64 = year["members"]["left"]
        .as_array()
        .expect("left")
        .iter()
        .map(|c| c["count"].as_u64().unwrap_or(0))
        .sum();
    let on_roll = year["members"]["total"].as_u64().expect("total");
    assert_eq!(json(&out)["pages"].as_u64(), Some(on_roll + left));

    // A range the wrong way round is refused in words.
    let out = cli(
        dir.path(),
        &["stats", "--year", "2026", "--to", "2020", "--json"],
    );
    assert!(refused(&out)["message"]
        .as_str()
        .is_some_and(|m| m.contains("请对调后再统计")));
}
