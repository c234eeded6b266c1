//! The app's commands through real IPC on tauri's mock runtime: what the UI
//! sends, the JSON it gets back, and errors as `{ kind, message }`.

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};
use zhibu_app::{setup, AppState};
use zhibu_core::Store;

struct App {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

fn app_with(state: impl FnOnce(&std::path::Path) -> AppState) -> App {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = setup(mock_builder(), state(dir.path()))
        .build(mock_context(noop_assets()))
        .expect("build app");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    App {
        _app: app,
        window,
        _dir: dir,
    }
}

fn app() -> App {
    app_with(|dir| AppState::new(Store::open_in_dir(dir).expect("store"), dir.to_path_buf()))
}

fn invoke(app: &App, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke_body(app, cmd, args).map(|body| body.deserialize::<Value>().expect("json body"))
}

fn invoke_body(app: &App, cmd: &str, args: Value) -> Result<tauri::ipc::InvokeResponseBody, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        // On Linux the IPC origin must be tauri://localhost.
        url: "tauri://localhost".parse().expect("url"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&app.window, request)
}

fn new_branch() -> Value {
    json!({
        "name": "一车间党支部",
        "kind": "企业",
        "higher_name": "某某集团党委",
        "higher_level": "党委",
        "top_name": null,
        "term_start": "2024-03-01",
        "term_years": null,
        "committee": [{ "name": "赵书记", "position": "书记" }],
        "groups": [{ "name": "生产党小组", "leader_name": null }]
    })
}

#[test]
fn wizard_create_then_overview_round_trip() {
    let app = app();
    assert_eq!(
        invoke(&app, "org_current", json!({})).expect("current"),
        Value::Null
    );
    let id = invoke(&app, "org_create_branch", json!({ "input": new_branch() })).expect("create");
    let overview = invoke(&app, "org_overview", json!({ "id": id })).expect("overview");
    assert_eq!(overview["org"]["name"], "一车间党支部");
    assert_eq!(overview["org"]["parent_name"], "某某集团党委");
    assert_eq!(overview["term"]["years"], 3);
    assert_eq!(overview["term"]["end"], "2027-03-01");
    assert_eq!(overview["committee"][0]["position"], "书记");
    let list = invoke(&app, "org_list", json!({})).expect("list");
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(
        invoke(&app, "org_current", json!({})).expect("current")["id"],
        id
    );
}

#[test]
fn errors_reach_the_ui_as_kind_and_chinese_message() {
    let app = app();
    let mut bad = new_branch();
    bad["name"] = json!("  ");
    let err = invoke(&app, "org_create_branch", json!({ "input": bad })).expect_err("empty name");
    assert_eq!(err["kind"], "validation");
    assert_eq!(err["message"], "请填写党支部名称");

    let err = invoke(&app, "org_overview", json!({ "id": 999 })).expect_err("missing");
    assert_eq!(err["kind"], "not_found");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("找不到")),
        "{err}"
    );

    invoke(&app, "org_load_demo", json!({})).expect("demo");
    let err = invoke(&app, "org_load_demo", json!({})).expect_err("demo twice");
    assert_eq!(err["kind"], "conflict");
}

#[test]
fn demo_and_switching_branches() {
    let app = app();
    let demo = invoke(&app, "org_load_demo", json!({})).expect("demo");
    let other =
        invoke(&app, "org_create_branch", json!({ "input": new_branch() })).expect("create");
    assert_eq!(
        invoke(&app, "org_current", json!({})).expect("current")["id"],
        other
    );
    invoke(&app, "org_set_current", json!({ "id": demo })).expect("switch");
    let info = invoke(&app, "app_info", json!({})).expect("info");
    assert_eq!(info["current_branch_id"], demo);
    let dongpo = info["branches"]
        .as_array()
        .and_then(|b| b.iter().find(|b| b["org"]["id"] == demo))
        .expect("demo in info");
    assert_eq!(dongpo["counts"]["total"], 18);

    // The window's first question: both branches, the current one and its
    // 工作台, the same list as the page's own question.
    let start = invoke(&app, "app_start", json!({})).expect("start");
    assert_eq!(start["status"]["startup_error"], Value::Null);
    let screen = &start["screen"];
    assert_eq!(screen["branches"].as_array().map(Vec::len), Some(2));
    assert_eq!(screen["current"]["id"], demo);
    assert_eq!(screen["todo"]["org"]["id"], demo);
    let list = invoke(&app, "todo_list", json!({ "org": demo })).expect("todo");
    assert_eq!(screen["todo"]["items"], list["items"]);
    assert!(list["items"].as_array().is_some_and(|i| !i.is_empty()));
}

#[test]
fn a_database_that_failed_to_open_is_reported_not_used() {
    let app =
        app_with(|dir| AppState::failed("数据库文件检查未通过".into(), Some(dir.to_path_buf())));
    let start = invoke(&app, "app_start", json!({})).expect("start");
    assert_eq!(start["status"]["startup_error"], "数据库文件检查未通过");
    // Nothing is read from a database that is not open.
    assert_eq!(start["screen"], Value::Null);
    let err = invoke(&app, "org_list", json!({})).expect_err("no store");
    assert_eq!(err["kind"], "conflict");
    assert_eq!(err["message"], "数据库文件检查未通过");
}

#[test]
fn members_are_added_and_listed_through_ipc() {
    let app = app();
    let org = invoke(&app, "org_load_demo", json!({})).expect("demo");
    let input = json!({
        "profile": {
            "name": "欧阳晓峰", "sex": "男", "ethnicity": "汉族", "birth_date": "1985-03-12",
            "id_number": "370782198503122716", "education": null, "category": null, "work_unit": null,
            "phone": null, "residence": null, "household_reg": null, "group_id": null, "party_post": null,
            "is_migrant_worker": false, "new_social_stratum": null, "party_age_adjust_months": 0, "note": null
        },
        "joined_on": "2010-07-01", "full_on": "2011-07-01",
        "transferred_in_on": null, "transferred_from": null
    });
    let id = invoke(
        &app,
        "members_add",
        json!({ "org": org, "input": input.clone() }),
    )
    .expect("add");
    let query = json!({ "day": null, "text": "oyxf", "group_id": null, "standing": null, "include_former": false, "status": null });
    let roster = invoke(
        &app,
        "members_roster",
        json!({ "org": org, "query": query }),
    )
    .expect("roster");
    assert_eq!(roster["rows"][0]["id"], id);
    assert_eq!(roster["counts"]["total"], 19);
    let detail = invoke(&app, "members_detail", json!({ "id": id })).expect("detail");
    assert_eq!(detail["row"]["standing"], "正式党员");

    let err =
        invoke(&app, "members_add", json!({ "org": org, "input": input })).expect_err("duplicate");
    assert_eq!(err["kind"], "conflict");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("不能重复登记")),
        "{err}"
    );
}

#[test]
fn a_meeting_is_recorded_voted_finalised_and_then_locked_through_ipc() {
    let app = app();
    let org = invoke(&app, "org_load_demo", json!({})).expect("demo");
    let input = json!({
        "kind": "支部党员大会", "group_id": null, "topic": "讨论接收预备党员", "date": "2026-11-10",
        "start_time": "09:00", "end_time": "11:00", "place": "村委会议室", "host": "王建国", "recorder": "刘芳",
        "agenda": "一、……", "minutes": "会议由王建国主持……", "decisions": "", "lecturer": null, "lecture_title": null
    });
    let id = invoke(
        &app,
        "meetings_create",
        json!({ "org": org, "input": input.clone() }),
    )
    .expect("create");
    let detail = invoke(&app, "meetings_detail", json!({ "id": id })).expect("detail");
    assert_eq!(detail["attendance"]["expected"], 18);
    assert_eq!(detail["attendance"]["voting_expected"], 15);
    let someone = detail["people"][0]["member_id"].clone();
    invoke(
        &app,
        "meetings_set_presence",
        json!({ "id": id, "member": someone, "presence": "请假", "reason": "住院治疗" }),
    )
    .expect("leave");
    // One who is away, left out of 应到 with the 镇党委's consent.
    let reasons = invoke(&app, "meetings_exclusion_reasons", json!({})).expect("reasons");
    let away = reasons
        .as_array()
        .and_then(|r| {
            r.iter()
                .find(|r| r.as_str().is_some_and(|r| r.contains("未转组织关系")))
        })
        .expect("the usual reasons are offered")
        .clone();
    let other = detail["people"][1]["member_id"].clone();
    invoke(
        &app,
        "meetings_set_presence",
        json!({ "id": id, "member": other, "presence": "缺席", "reason": "外出务工" }),
    )
    .expect("absent");
    let exclusion = json!({ "reason": away, "consent": "柳河镇党委2026年11月5日同意" });
    invoke(
        &app,
        "meetings_set_exclusion",
        json!({ "id": id, "member": other, "exclusion": exclusion }),
    )
    .expect("excluded");
    let detail = invoke(&app, "meetings_detail", json!({ "id": id })).expect("detail");
    assert_eq!(
        (
            &detail["attendance"]["voting_expected"],
            &detail["attendance"]["excluded"],
            &detail["people"][1]["excluded"]["consent"],
        ),
        (&json!(14), &json!(1), &json!("柳河镇党委2026年11月5日同意"))
    );
    let vote = json!({
        "subject": "接收高丽娟为预备党员", "kind": "发展党员表决", "method": "无记名投票",
        "yes": 13, "no": 0, "abstain": 0, "written_yes": 1, "written_no": 0, "written_abstain": 0
    });
    let outcome =
        invoke(&app, "meetings_add_vote", json!({ "id": id, "vote": vote })).expect("vote");
    assert_eq!(outcome["passed"], true);
    invoke(&app, "meetings_finalise", json!({ "id": id })).expect("finalise");
    let err =
        invoke(&app, "meetings_update", json!({ "id": id, "input": input })).expect_err("locked");
    assert_eq!(err["kind"], "conflict");
    invoke(
        &app,
        "meetings_add_supplement",
        json!({ "id": id, "text": "补充：会后收到书面意见1份" }),
    )
    .expect("supplement");
    let list = invoke(&app, "meetings_list", json!({ "org": org, "year": 2026 })).expect("list");
    let ours = list
        .as_array()
        .and_then(|l| l.iter().find(|m| m["id"] == id))
        .expect("listed");
    assert_eq!(ours["finalised"], true);
    assert_eq!(ours["attendance"]["leave"], 1);
}

#[test]
fn attachments_calendar_and_participation_through_ipc() {
    let app = app();
    let org = invoke(&app, "org_load_demo", json!({})).expect("demo");
    let year = chrono::Local::now().format("%Y").to_string();
    let cal = invoke(
        &app,
        "meetings_calendar",
        json!({ "org": org, "year": year.parse::<i32>().expect("year") }),
    )
    .expect("calendar");
    let rows = cal["rows"].as_array().expect("rows");
    assert_eq!(rows[0]["kind"], "支部委员会");
    assert_eq!(rows[0]["cells"].as_array().map(Vec::len), Some(12));
    assert!(rows[0]["clause"]
        .as_str()
        .is_some_and(|c| c.contains("支部工作条例")));
    assert!(
        invoke(&app, "meetings_participation", json!({ "org": org }))
            .expect("participation")
            .as_array()
            .is_some_and(|w| !w.is_empty())
    );

    let mut req = invoke(&app, "meetings_requirements", json!({})).expect("requirements");
    assert_eq!(req["lecture"], "每季度");
    req["lecture"] = json!("不要求");
    invoke(
        &app,
        "meetings_set_requirements",
        json!({ "requirements": req }),
    )
    .expect("set");
    assert_eq!(
        invoke(&app, "meetings_requirements", json!({})).expect("again")["lecture"],
        "不要求"
    );

    let meeting = invoke(
        &app,
        "meetings_create",
        json!({ "org": org, "input": { "kind": "支部委员会", "topic": "研究工作", "date": "2020-01-02",
            "group_id": null, "start_time": null, "end_time": null, "place": null, "host": null,
            "recorder": null, "agenda": "", "minutes": "", "decisions": "", "lecturer": null,
            "lecture_title": null } }),
    )
    .expect("create without the new optional lists");
    let photo = app._dir.path().join("现场.png");
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/icons/icon.png"
    ))
    .expect("icon");
    std::fs::write(&photo, &png).expect("write");
    let attachment = invoke(
        &app,
        "meetings_attach",
        json!({ "id": meeting, "path": photo, "caption": "会议现场" }),
    )
    .expect("attach");
    match invoke_body(
        &app,
        "meetings_attachment_bytes",
        json!({ "attachment": attachment }),
    )
    .expect("bytes")
    {
        tauri::ipc::InvokeResponseBody::Raw(bytes) => assert_eq!(bytes, png),
        other => panic!("bytes must be sent raw, got {other:?}"),
    }
    let detail = invoke(&app, "meetings_detail", json!({ "id": meeting })).expect("detail");
    assert_eq!(detail["attachments"][0]["caption"], "会议现场");
    assert_eq!(detail["attachments"][0]["mime"], "image/png");
    invoke(
        &app,
        "meetings_remove_attachment",
        json!({ "attachment": attachment }),
    )
    .expect("remove");
    let err = invoke(
        &app,
        "meetings_attachment_bytes",
        json!({ "attachment": attachment }),
    )
    .expect_err("gone");
    assert_eq!(err["kind"], "not_found");
}

/// 党费 through IPC on the demo branch: the rate of a base, collection day
/// (a batch is all or none, and a refused row names the member), a reversal
/// that needs its reason, arrears, 大额党费 to 中央 and back, the
/// reconciliation, closing, settings, the yearly 核定 and the Excel export.
#[test]
fn dues_are_collected_reversed_remitted_and_exported_through_ipc() {
    let app = app();
    let org = invoke(&app, "org_load_demo", json!({})).expect("demo");
    let today = invoke(&app, "app_start", json!({})).expect("start")["status"]["today"]
        .as_str()
        .expect("today")
        .to_string();
    let (month, year) = (&today[..7], today[..4].parse::<i32>().expect("year"));

    // 党费规定 第二条: above 5000元 up to 10000元 the whole base at 1.5%.
    let fen = invoke(
        &app,
        "dues_rate",
        json!({ "org": org, "terms": { "category": "在职", "base_fen": 510_000, "fixed_fen": null } }),
    )
    .expect("rate");
    assert_eq!(fen, 7650);

    let sheet = invoke(&app, "dues_sheet", json!({ "org": org, "month": month })).expect("sheet");
    let rows = sheet["rows"].as_array().expect("rows").clone();
    let unpaid: Vec<&Value> = rows
        .iter()
        .filter(|r| r["paid_fen"] == 0 && r["due_fen"].as_i64().is_some_and(|f| f > 0))
        .collect();
    assert!(unpaid.len() >= 2, "the demo month is half collected");
    let payment = |row: &Value, amount_fen: i64| {
        json!({ "member_id": row["member_id"], "paid_on": today, "months": 1,
                "amount_fen": amount_fen, "method": "现金", "paid_by": null,
                "receipt_no": null, "approval": null, "note": null })
    };
    let (first, second) = (unpaid[0], unpaid[1]);
    let due = |row: &Value| row["due_fen"].as_i64().expect("due");
    // One row short: nothing of the batch is saved, and the message says who.
    let err = invoke(
        &app,
        "dues_pay",
        json!({ "org": org, "payments": [payment(first, due(first)), payment(second, due(second) - 1)] }),
    )
    .expect_err("short");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains(second["name"].as_str().expect("name"))),
        "{err}"
    );
    let again = invoke(&app, "dues_sheet", json!({ "org": org, "month": month })).expect("sheet");
    assert_eq!(again["paid_fen"], sheet["paid_fen"], "all or none");
    let ids = invoke(
        &app,
        "dues_pay",
        json!({ "org": org, "payments": [payment(first, due(first)), payment(second, due(second))] }),
    )
    .expect("pay");
    assert_eq!(ids.as_array().map(Vec::len), Some(2));
    let after = invoke(&app, "dues_sheet", json!({ "org": org, "month": month })).expect("sheet");
    let state_of = |sheet: &Value, id: &Value| {
        sheet["rows"]
            .as_array()
            .and_then(|rows| rows.iter().find(|r| &r["member_id"] == id))
            .map(|r| r["state"].clone())
            .expect("row")
    };
    assert_eq!(state_of(&after, &first["member_id"]), "已交");

    // A correction is a reversing entry, and it needs a reason.
    let pid = ids[0].clone();
    let err = invoke(
        &app,
        "dues_reverse",
        json!({ "org": org, "payment": pid, "date": today, "reason": "  " }),
    )
    .expect_err("no reason");
    assert_eq!(err["kind"], "validation");
    invoke(
        &app,
        "dues_reverse",
        json!({ "org": org, "payment": pid, "date": today, "reason": "收错了人" }),
    )
    .expect("reverse");
    let card = invoke(
        &app,
        "dues_card",
        json!({ "org": org, "member": first["member_id"] }),
    )
    .expect("card");
    let payments = card["payments"].as_array().expect("payments");
    assert!(payments
        .iter()
        .any(|p| p["reverses"] == pid && p["reason"] == "收错了人"));
    let after = invoke(&app, "dues_sheet", json!({ "org": org, "month": month })).expect("sheet");
    assert_ne!(state_of(&after, &first["member_id"]), "已交");

    let arrears = invoke(&app, "dues_arrears", json!({ "org": org })).expect("arrears");
    assert!(arrears
        .as_array()
        .is_some_and(|a| a.iter().any(|r| r["level"] == "提醒")));

    // 大额党费: 1000元 over the dues is held, then passed on to 中央.
    let giver = second;
    invoke(
        &app,
        "dues_pay",
        json!({ "org": org, "payments": [{ "member_id": giver["member_id"], "paid_on": today,
            "months": 0, "amount_fen": 100_000, "method": "转账", "paid_by": null,
            "receipt_no": null, "approval": null, "note": "七一自愿交纳" }] }),
    )
    .expect("large");
    let large = invoke(&app, "dues_large", json!({ "org": org, "year": year })).expect("ledger");
    assert_eq!(large["closing_fen"], 100_000);
    assert_eq!(large["entries"].as_array().map(Vec::len), Some(1));
    let remitted = invoke(
        &app,
        "dues_remit",
        json!({ "org": org, "input": { "remitted_on": today, "period": month, "amount_fen": 100_000,
            "large": true, "receipt_no": "中央收据", "note": null } }),
    )
    .expect("remit");
    let large = invoke(&app, "dues_large", json!({ "org": org, "year": year })).expect("ledger");
    assert_eq!(
        (large["closing_fen"].clone(), large["remitted_fen"].clone()),
        (json!(0), json!(100_000))
    );
    invoke(
        &app,
        "dues_reverse_remittance",
        json!({ "org": org, "id": remitted, "date": today, "reason": "收据号填错" }),
    )
    .expect("reverse remittance");
    let list = invoke(
        &app,
        "dues_remittances",
        json!({ "org": org, "year": year }),
    )
    .expect("list");
    assert!(list.as_array().is_some_and(|l| l
        .iter()
        .any(|r| r["reason"] == "收据号填错" && r["large"] == true)));
    let rec = invoke(&app, "dues_reconcile", json!({ "org": org, "year": year })).expect("rec");
    let current = rec["rows"]
        .as_array()
        .and_then(|rows| rows.last())
        .expect("current period");
    assert_eq!(current["large_received_fen"], 100_000);
    assert_eq!(current["large_remitted_fen"], 0);

    // The running month cannot be closed; the demo closed earlier ones.
    let err = invoke(&app, "dues_close", json!({ "org": org, "month": month })).expect_err("open");
    assert_eq!(err["kind"], "conflict");
    assert!(invoke(&app, "dues_closed", json!({ "org": org }))
        .expect("closed")
        .as_array()
        .is_some_and(|c| !c.is_empty()));

    // Settings round-trip; a 农民 amount outside 0.2–1元 is refused in Chinese.
    let mut settings = invoke(&app, "dues_settings", json!({ "org": org })).expect("settings");
    assert_eq!(settings["due_day"], 5);
    settings["due_day"] = json!(10);
    invoke(
        &app,
        "dues_set_settings",
        json!({ "org": org, "settings": settings.clone() }),
    )
    .expect("set");
    assert_eq!(
        invoke(&app, "dues_settings", json!({ "org": org })).expect("again")["due_day"],
        10
    );
    settings["farmer_fen"] = json!(150);
    let err = invoke(
        &app,
        "dues_set_settings",
        json!({ "org": org, "settings": settings }),
    )
    .expect_err("farmer");
    assert_eq!(err["kind"], "rule");
    assert!(
        err["message"].as_str().is_some_and(|m| m.contains("农民")),
        "{err}"
    );

    // The yearly 核定 screen, and a base changed from this month.
    let review =
        invoke(&app, "dues_review", json!({ "org": org, "month": month })).expect("review");
    let reviewed = review["rows"].as_array().expect("rows");
    assert!(!reviewed.is_empty());
    invoke(
        &app,
        "dues_set_base",
        json!({ "org": org, "member": giver["member_id"], "input": { "effective": month,
            "category": "学生", "base_fen": null, "fixed_fen": null, "pays_elsewhere": false,
            "approval": null, "note": "考上大学，经支部研究" } }),
    )
    .expect("base");
    let card = invoke(
        &app,
        "dues_card",
        json!({ "org": org, "member": giver["member_id"] }),
    )
    .expect("card");
    assert!(card["bases"]
        .as_array()
        .is_some_and(|b| b.iter().any(|b| b["terms"]["category"] == "学生")));

    let path = app._dir.path().join("党费.xlsx");
    let sheets = invoke(
        &app,
        "dues_export",
        json!({ "org": org, "year": year, "path": path }),
    )
    .expect("export");
    assert_eq!(
        sheets,
        json!([
            "收缴登记表",
            "收缴公示表",
            "收款流水",
            "上缴记录",
            "大额党费"
        ])
    );
    assert!(std::fs::metadata(&path).is_ok_and(|m| m.len() > 5_000));
}

/// 发展党员 through IPC: the step table, the demo board with its overdue
/// approval, an applicant added and a late talk refused until a reason is
/// given, a step withdrawn, the yearly figures and the local settings.
#[test]
fn development_through_ipc() {
    let app = app();
    let org = invoke(&app, "org_load_demo", json!({})).expect("demo");
    let steps = invoke(&app, "development_steps", json!({})).expect("steps");
    assert_eq!(steps.as_array().map(Vec::len), Some(25));
    assert_eq!(steps[8]["people"], json!(["入党介绍人", 2, 2]));

    let board = invoke(&app, "development_list", json!({ "org": org })).expect("list");
    let zhao = board
        .as_array()
        .and_then(|b| b.iter().find(|p| p["name"] == "赵敏"))
        .expect("赵敏");
    assert_eq!(
        (zhao["overdue"].clone(), zhao["next"]["step"].clone()),
        (json!(true), json!(17))
    );
    let soon = invoke(
        &app,
        "development_deadlines",
        json!({ "org": org, "days": 30 }),
    )
    .expect("deadlines");
    assert!(soon
        .as_array()
        .is_some_and(|s| s.iter().any(|p| p["name"] == "李晓红")));

    let today = invoke(&app, "app_start", json!({})).expect("start")["status"]["today"]
        .as_str()
        .expect("today")
        .to_string();
    let applied = chrono::NaiveDate::parse_from_str(&today, "%Y-%m-%d")
        .expect("date")
        .checked_sub_months(chrono::Months::new(3))
        .expect("3 months back");
    let id = invoke(
        &app,
        "development_add",
        json!({ "org": org, "input": { "applied_on": applied, "note": null, "profile": {
            "name": "吴思远", "sex": "男", "ethnicity": "汉族", "birth_date": "1999-09-09",
            "id_number": zhibu_core::idcard::compose("370782", chrono::NaiveDate::from_ymd_opt(1999, 9, 9).expect("d"), 51),
            "education": null, "category": null, "work_unit": null, "phone": null, "residence": null,
            "household_reg": null, "group_id": null, "party_post": null, "is_migrant_worker": false,
            "new_social_stratum": null, "party_age_adjust_months": 0, "note": null } } }),
    )
    .expect("add");
    let wang = invoke(&app, "members_roster", json!({ "org": org, "query": {
        "day": null, "text": "王建国", "group_id": null, "standing": null, "include_former": false, "status": null } }))
    .map(|r| r["rows"][0]["id"].clone());
    let wang = wang.expect("王建国");
    let talk = json!({ "step": 2, "date": today, "people": [wang], "documents": ["谈话记录"] });
    let err = invoke(
        &app,
        "development_record_step",
        json!({ "id": id, "input": talk.clone() }),
    )
    .expect_err("late talk");
    assert_eq!(err["kind"], "needs_reason");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("第七条")),
        "{err}"
    );
    let mut with_reason = talk;
    with_reason["override_reason"] = json!("申请人在外地，返村后谈话");
    let step = invoke(
        &app,
        "development_record_step",
        json!({ "id": id, "input": with_reason }),
    )
    .expect("recorded with a reason");
    let detail = invoke(&app, "development_detail", json!({ "id": id })).expect("detail");
    assert_eq!(
        detail["steps"][1]["override_reason"],
        "申请人在外地，返村后谈话"
    );
    assert_eq!(detail["steps"][1]["people"][0]["role"], "谈话人");
    // The ticked-off 谈话记录 gets its scan once; a second scan is refused.
    let scan = app._dir.path().join("谈话记录.png");
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/icons/icon.png"
    ))
    .expect("icon");
    std::fs::write(&scan, &png).expect("write");
    let add = json!({ "step": step, "name": "谈话记录", "path": scan });
    let document = invoke(&app, "development_add_document", add.clone()).expect("scan");
    match invoke_body(
        &app,
        "development_document_bytes",
        json!({ "document": document }),
    )
    .expect("bytes")
    {
        tauri::ipc::InvokeResponseBody::Raw(bytes) => assert_eq!(bytes, png),
        other => panic!("bytes must be sent raw, got {other:?}"),
    }
    let err = invoke(&app, "development_add_document", add).expect_err("replace");
    assert_eq!(err["kind"], "conflict");
    let votes = invoke(&app, "development_vote_choices", json!({ "id": id })).expect("votes");
    assert_eq!(votes, json!([]), "no 党员大会 has voted on 吴思远");
    invoke(
        &app,
        "development_withdraw_step",
        json!({ "step": step, "reason": "日期有误" }),
    )
    .expect("withdraw");
    let detail = invoke(&app, "development_detail", json!({ "id": id })).expect("detail");
    assert_eq!(detail["steps"][1]["withdrawn_reason"], "日期有误");
    invoke(
        &app,
        "development_close",
        json!({ "id": id, "date": today, "reason": "本人撤回申请" }),
    )
    .expect("close");
    assert_eq!(
        invoke(&app, "development_detail", json!({ "id": id })).expect("detail")["summary"]
            ["stage"],
        "已终止培养"
    );

    // The demo's extension was approved eight months ago.
    let extended_in = chrono::Datelike::year(
        &applied
            .checked_sub_months(chrono::Months::new(5))
            .expect("8 months back"),
    );
    let stats = invoke(
        &app,
        "development_stats",
        json!({ "org": org, "year": extended_in }),
    )
    .expect("stats");
    assert_eq!(stats["extended"], 1);
    let findings = invoke(&app, "development_check", json!({ "org": org })).expect("check");
    assert!(findings.as_array().is_some_and(|f| !f.is_empty()));
    let mut settings =
        invoke(&app, "development_settings", json!({ "org": org })).expect("settings");
    settings["activist_wait_months"] = json!(6);
    invoke(
        &app,
        "development_set_settings",
        json!({ "org": org, "settings": settings.clone() }),
    )
    .expect("set");
    settings["report_every_months"] = json!(0);
    let err = invoke(
        &app,
        "development_set_settings",
        json!({ "org": org, "settings": settings }),
    )
    .expect_err("bad");
    assert_eq!(err["kind"], "validation");
}

#[test]
fn the_year_book_is_exported_and_only_exported_files_open() {
    let app = app();
    let org = invoke(&app, "org_load_demo", json!({})).expect("demo");
    let book = json!({ "doc": "minutes", "org": org, "year": 2026, "kinds": ["党课"] });
    let name = invoke(&app, "export_pdf_name", json!({ "document": book })).expect("name");
    assert_eq!(name, "东坡村党支部2026年组织生活记录.pdf");
    let target = app._dir.path().join(name.as_str().expect("str"));
    let done = invoke(
        &app,
        "export_pdf",
        json!({ "document": book, "target": target }),
    )
    .expect("export");
    assert!(done["pages"].as_u64().is_some_and(|p| p > 2), "{done}");
    assert!(target.exists());
    let err = invoke(
        &app,
        "export_pdf",
        json!({ "document": { "doc": "minutes", "org": org, "year": 2019, "kinds": [] },
                "target": target.with_file_name("b.pdf") }),
    )
    .expect_err("empty year");
    assert_eq!(err["kind"], "validation");
    let err = invoke(&app, "export_open", json!({ "path": "/etc/passwd" })).expect_err("not ours");
    assert_eq!(err["kind"], "not_found");
}

#[test]
fn the_other_documents_are_exported_by_the_same_command() {
    let app = app();
    let org = invoke(&app, "org_load_demo", json!({})).expect("demo");
    let meetings =
        invoke(&app, "meetings_list", json!({ "org": org, "year": 2026 })).expect("list");
    let meeting = meetings[0]["id"].clone();
    let people = invoke(&app, "development_list", json!({ "org": org })).expect("people");
    let person = people[0]["id"].clone();
    for (document, name) in [
        (
            json!({ "doc": "roster", "org": org, "query": { "day": "2026-06-30", "include_former": false } }),
            "东坡村党支部党员花名册（2026年6月30日）.pdf",
        ),
        (
            json!({ "doc": "dues", "org": org, "year": 2025 }),
            "东坡村党支部2025年党费收缴登记表.pdf",
        ),
        (json!({ "doc": "signin", "meeting": meeting }), "签到表"),
        (
            json!({ "doc": "development", "person": person }),
            "发展党员记录.pdf",
        ),
    ] {
        let suggested =
            invoke(&app, "export_pdf_name", json!({ "document": document })).expect("name");
        let suggested = suggested.as_str().expect("str").to_string();
        assert!(suggested.contains(name), "{suggested} for {document}");
        let target = app._dir.path().join(&suggested);
        let done = invoke(
            &app,
            "export_pdf",
            json!({ "document": document, "target": target }),
        )
        .expect("export");
        assert!(done["pages"].as_u64().is_some_and(|p| p >= 1), "{done}");
        assert!(std::fs::read(&target)
            .expect("written")
            .starts_with(b"%PDF"));
    }
    let err = invoke(
        &app,
        "export_pdf",
        json!({ "document": { "doc": "signin", "meeting": 999999 }, "target": app._dir.path().join("x.pdf") }),
    )
    .expect_err("no such meeting");
    assert_eq!(err["kind"], "not_found");
}

#[test]
fn a_backup_is_made_checked_and_restored_through_ipc() {
    let app = app();
    let org = invoke(&app, "org_load_demo", json!({})).expect("demo");
    let usb = app._dir.path().with_file_name(format!(
        "{}-usb",
        app._dir.path().file_name().expect("name").to_string_lossy()
    ));
    let folder = usb.join("支部台账备份");
    let made = invoke(
        &app,
        "backup_create",
        json!({ "folder": folder, "passphraseText": null, "keep": 3 }),
    )
    .expect("backup");
    assert_eq!(made["summary"]["branches"][0], "东坡村党支部");
    let list = invoke(&app, "backup_list", json!({ "folder": folder })).expect("list");
    assert_eq!(list[0], made["path"]);
    let file = made["path"].clone();
    let checked = invoke(
        &app,
        "backup_verify",
        json!({ "file": file, "passphraseText": null }),
    )
    .expect("verify");
    assert_eq!(checked["summary"], made["summary"]);

    let count = |app: &App| {
        invoke(app, "meetings_list", json!({ "org": org, "year": 2026 }))
            .expect("list")
            .as_array()
            .expect("array")
            .len()
    };
    let before = count(&app);
    let input = json!({
        "kind": "支部委员会", "group_id": null, "topic": "备份之后登记的会议", "date": "2026-11-21",
        "start_time": null, "end_time": null, "place": null, "host": null, "recorder": null,
        "agenda": "", "minutes": "", "decisions": "", "lecturer": null, "lecture_title": null
    });
    invoke(
        &app,
        "meetings_create",
        json!({ "org": org, "input": input }),
    )
    .expect("create");
    assert_eq!(count(&app), before + 1);

    let short = app._dir.path().with_extension("short.zhibu");
    let bytes = std::fs::read(file.as_str().expect("path")).expect("read");
    std::fs::write(&short, &bytes[..bytes.len() / 2]).expect("short");
    let refused = invoke(
        &app,
        "backup_restore",
        json!({ "file": short, "passphraseText": null }),
    )
    .expect_err("a cut-short file");
    assert_eq!(refused["kind"], "validation");
    assert_eq!(
        count(&app),
        before + 1,
        "the data is as it was, and the app still works"
    );

    let report = invoke(
        &app,
        "backup_restore",
        json!({ "file": file, "passphraseText": null }),
    )
    .expect("restore");
    assert_eq!(
        count(&app),
        before,
        "the state of the backup, with the app still working"
    );
    assert!(report["safety_backup"]
        .as_str()
        .is_some_and(|p| p.contains("backups")));
    let _ = std::fs::remove_dir_all(&usb);
}

#[test]
fn the_automatic_backup_is_made_once_a_day_or_at_exit_as_set() {
    let app = app();
    let local = app._dir.path().join("backups");
    let count = || zhibu_core::backup::list(&local).len();
    let handle = app._app.handle();
    zhibu_app::commands::backup::automatic(handle, false);
    assert_eq!(count(), 0, "nothing to keep before a branch exists");
    invoke(&app, "org_load_demo", json!({})).expect("demo");
    zhibu_app::commands::backup::automatic(handle, true);
    assert_eq!(count(), 0, "the default is daily, at start");
    zhibu_app::commands::backup::automatic(handle, false);
    assert_eq!(count(), 1, "today's backup");
    zhibu_app::commands::backup::automatic(handle, false);
    assert_eq!(count(), 1, "once a day");

    let mut settings =
        invoke(&app, "backup_status", json!({})).expect("status")["settings"].clone();
    settings["auto"] = json!("每次退出时");
    invoke(&app, "backup_set_settings", json!({ "settings": settings })).expect("set");
    zhibu_app::commands::backup::automatic(handle, false);
    assert_eq!(count(), 1);
    zhibu_app::commands::backup::automatic(handle, true);
    assert_eq!(count(), 2, "at exit");
    let newest = zhibu_core::backup::list(&local).pop().expect("newest");
    zhibu_core::backup::verify(&newest, None, &scratch_dir())
        .expect("an automatic backup checks out too");
    let status = invoke(&app, "backup_status", json!({})).expect("status");
    assert_eq!(
        status["remind"], true,
        "a backup inside the data directory is not one on a stick"
    );
}

/// Where a verify takes the database out: a folder of its own per call.
fn scratch_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhibu-verify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    dir
}

/// A command that panics (here on purpose, holding the database) reaches the
/// clerk as an `internal` error that says nothing saved was touched, its
/// trace goes to `logs/` without the name or ID number it carried, and the
/// next command works: the app was not taken down.
#[test]
fn a_panicking_command_becomes_an_error_and_the_app_keeps_working() {
    let app = app();
    let data = app._dir.path().to_path_buf();
    zhibu_core::crashlog::install(data.clone());
    invoke(&app, "org_create_branch", json!({ "input": new_branch() })).expect("create");
    let e = invoke(&app, "debug_panic", json!({})).expect_err("panics");
    assert_eq!(e["kind"], "internal", "{e}");
    let message = e["message"].as_str().expect("message");
    assert!(message.contains("已保存的数据没有受影响"), "{message}");
    let log = std::fs::read_to_string(zhibu_core::crashlog::log_path(&data)).expect("logged");
    assert!(log.contains("debug_panic"), "{log}");
    assert!(
        !log.contains("王建国") && !log.contains("110105194912310021"),
        "{log}"
    );
    let branches = invoke(&app, "org_list", json!({})).expect("still working");
    assert_eq!(branches.as_array().map(Vec::len), Some(1));
}
