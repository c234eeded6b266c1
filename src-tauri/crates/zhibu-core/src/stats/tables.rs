//! The 年度统计 as tables for a spreadsheet: the 写入汇报 sentences, 党员队伍
//! by band, the 发展党员 funnel, 组织生活 per kind, the 主题党日 and 党课
//! held, and 党费 month by month — the figures the page shows, nothing more.

use super::{rate, Count, Stats};
use crate::members::excel::{date_to_serial, Cell};
use crate::table::Table;

fn text(t: impl Into<String>) -> Cell {
    Cell::Text(t.into())
}

fn n(v: u32) -> Cell {
    Cell::Number(f64::from(v))
}

fn table(
    sheet: &str,
    title: String,
    header: &[&str],
    rows: Vec<Vec<Cell>>,
    widths: &[f64],
) -> Table {
    Table {
        sheet: sheet.into(),
        title,
        header: header.iter().map(|h| h.to_string()).collect(),
        rows,
        widths: widths.to_vec(),
        frozen_columns: 0,
        total_rows: 0,
    }
}

fn bands(rows: &mut Vec<Vec<Cell>>, group: &str, counts: &[Count]) {
    for c in counts {
        rows.push(vec![
            text(group),
            text(c.label.clone()),
            n(c.count),
            Cell::Empty,
            Cell::Empty,
        ]);
    }
}

pub fn tables(s: &Stats, branch: &str) -> Vec<Table> {
    let title = |what: &str| format!("{branch}{}{what}", s.period);
    let m = &s.members;
    let mut out = Vec::new();

    out.push(table(
        "写入汇报",
        title("党建工作统计（写入汇报）"),
        &["内容"],
        s.report.iter().map(|r| vec![text(r.clone())]).collect(),
        &[120.0],
    ));

    let mut rows = Vec::new();
    for (label, v) in [
        ("党员总数", m.total),
        ("正式党员", m.full),
        ("预备党员", m.probationary),
        ("男", m.male),
        ("女", m.female),
        ("汉族", m.han),
        ("少数民族", m.minority),
        ("大专及以上学历", m.college),
        ("流动党员", m.flowing),
        ("失联党员", m.lost),
        ("停止党籍", m.suspended),
    ] {
        rows.push(vec![
            text("总体"),
            text(label),
            n(v),
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    rows.push(vec![
        text("总体"),
        text(format!("{}岁及以下", s.settings.young_age)),
        n(m.young),
        Cell::Empty,
        Cell::Empty,
    ]);
    for a in &m.age {
        rows.push(vec![
            text("年龄"),
            text(a.label.clone()),
            n(a.male + a.female),
            n(a.male),
            n(a.female),
        ]);
    }
    bands(&mut rows, "党龄", &m.party_age);
    bands(&mut rows, "学历", &m.education);
    bands(&mut rows, "人员类别", &m.categories);
    bands(&mut rows, "期间增加", &m.joined);
    bands(&mut rows, "期间减少", &m.left);
    out.push(table(
        "党员队伍",
        format!(
            "{}（党员人数截至{}）",
            title("党员队伍统计"),
            crate::members::rules::ymd(s.until)
        ),
        &["分组", "项目", "人数", "其中男", "其中女"],
        rows,
        &[12.0, 34.0, 8.0, 8.0, 8.0],
    ));

    let d = &s.development.counts;
    let young = format!("其中{}岁及以下", s.settings.young_age);
    out.push(table(
        "发展党员",
        title("发展党员统计"),
        &["项目", "人数"],
        [
            ("递交入党申请书", d.applied),
            ("确定入党积极分子", d.activists),
            ("确定发展对象", d.candidates),
            ("发展党员", d.admitted),
            (young.as_str(), s.development.admitted_young),
            ("其中生产、工作一线", s.development.admitted_frontline),
            ("预备党员按期转正", d.confirmed),
            ("延长预备期", d.extended),
            ("取消预备党员资格", d.cancelled),
        ]
        .into_iter()
        .map(|(label, v)| vec![text(label), n(v)])
        .collect(),
        &[24.0, 8.0],
    ));

    out.push(table(
        "组织生活",
        title("组织生活统计"),
        &[
            "类型",
            "已定稿",
            "未定稿",
            "应开期数",
            "缺",
            "应到人次",
            "实到人次",
            "参会率",
        ],
        s.meetings
            .kinds
            .iter()
            .filter(|k| k.any())
            .map(|k| {
                vec![
                    text(k.kind.label()),
                    n(k.held),
                    n(k.drafts),
                    k.required.map(n).unwrap_or(text("不检查")),
                    n(k.missing),
                    n(k.expected),
                    n(k.present),
                    rate(k.present, k.expected)
                        .map(|r| text(format!("{r}%")))
                        .unwrap_or(Cell::Empty),
                ]
            })
            .collect(),
        &[14.0, 8.0, 8.0, 9.0, 6.0, 9.0, 9.0, 8.0],
    ));
    let state = |finalised: bool| text(if finalised { "已定稿" } else { "未定稿" });
    out.push(table(
        "主题党日",
        title("主题党日"),
        &["日期", "主题", "内容", "记录"],
        s.meetings
            .theme_days
            .iter()
            .map(|t| {
                vec![
                    Cell::Date(date_to_serial(t.date)),
                    text(t.topic.clone()),
                    text(t.contents.join("、")),
                    state(t.finalised),
                ]
            })
            .collect(),
        &[12.0, 44.0, 30.0, 8.0],
    ));
    out.push(table(
        "党课",
        title("党课"),
        &["日期", "题目", "授课人", "记录"],
        s.meetings
            .lectures
            .iter()
            .map(|l| {
                vec![
                    Cell::Date(date_to_serial(l.date)),
                    text(l.title.clone()),
                    text(l.lecturer.clone()),
                    state(l.finalised),
                ]
            })
            .collect(),
        &[12.0, 44.0, 12.0, 8.0],
    ));

    let f = &s.dues;
    let mut rows: Vec<Vec<Cell>> = f
        .months
        .iter()
        .map(|mo| {
            vec![
                text(crate::dues::month_label(mo.month)),
                Cell::Money(mo.due_fen),
                Cell::Money(mo.paid_fen),
                Cell::Money(mo.received_fen),
            ]
        })
        .collect();
    rows.push(vec![
        text("合计"),
        Cell::Money(f.due_fen),
        Cell::Money(f.paid_fen),
        Cell::Money(f.received_fen),
    ]);
    let mut dues = table(
        "党费",
        format!(
            "{}（逾期补交{}元，上缴{}元，大额党费收{}元、上缴{}元；截至{}欠交{}人共{}元）",
            title("党费统计"),
            crate::money::yuan(f.late_fen),
            crate::money::yuan(f.remitted_fen),
            crate::money::yuan(f.large_received_fen),
            crate::money::yuan(f.large_remitted_fen),
            crate::members::rules::ymd(s.until),
            f.arrears_members,
            crate::money::yuan(f.arrears_fen)
        ),
        &["月份", "应交", "实交", "当月收款"],
        rows,
        &[14.0, 12.0, 12.0, 12.0],
    );
    dues.total_rows = 1;
    out.push(dues);
    out
}
