//! Organisations: the tree 党委 → 党总支 → 党支部 held in one database, each
//! branch's committee (支委) with positions, its 党小组, and the committee's
//! term with the 换届 date derived from it.

mod edit;
pub mod rules;
mod storage;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::labels::label_enum;
use crate::members::{self, MemberCounts};
use crate::settings;
pub use edit::{create_branch, update_branch};
pub use rules::{Finding, Severity, TermInfo, TermState};

label_enum! {
    /// The level of an organisation in the tree.
    pub enum OrgLevel {
        Committee = "党委",
        GeneralBranch = "党总支",
        Branch = "党支部",
    }
    what: "组织层级"
}

label_enum! {
    /// The kind of unit the organisation is built in.
    pub enum OrgKind {
        Rural = "农村",
        Community = "社区",
        Enterprise = "企业",
        Organ = "机关",
        Institution = "事业单位",
        School = "学校",
        NewOrganisation = "两新组织",
        Other = "其他",
    }
    what: "单位类型"
}

label_enum! {
    /// A position on the branch committee.
    pub enum Position {
        Secretary = "书记",
        DeputySecretary = "副书记",
        Organisation = "组织委员",
        Publicity = "宣传委员",
        Discipline = "纪检委员",
        Youth = "青年委员",
        UnitedFront = "统战委员",
        Women = "妇女委员",
        Member = "委员",
    }
    what: "支委职务"
}

pub use crate::ids::OrgId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CommitteeMemberInput {
    pub name: String,
    pub position: Position,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PartyGroupInput {
    pub name: String,
    /// 党小组组长.
    pub leader_name: Option<String>,
}

/// What the first-run wizard (and `zhibu-cli init`) sends to create a branch.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewBranch {
    pub name: String,
    pub kind: OrgKind,
    /// The 上级党组织 (usually a 党委; a 党总支 for branches under one).
    pub higher_name: String,
    pub higher_level: OrgLevel,
    /// When the higher organisation is a 党总支: the 党委 above it.
    pub top_name: Option<String>,
    /// The day the current committee was elected.
    pub term_start: Option<NaiveDate>,
    /// Term length; when absent, the default for the kind (5 村/社区, 3 others).
    pub term_years: Option<u8>,
    pub committee: Vec<CommitteeMemberInput>,
    pub groups: Vec<PartyGroupInput>,
}

/// A 党小组 as the edit form sends it: `id` is absent for a new group.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PartyGroupEdit {
    pub id: Option<i64>,
    pub name: String,
    pub leader_name: Option<String>,
}

/// What the "编辑支部信息" form sends. Changing `term_start` records a new
/// election (换届): the previous committee is archived first.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct BranchEdit {
    pub name: String,
    pub kind: OrgKind,
    pub term_start: Option<NaiveDate>,
    pub term_years: Option<u8>,
    pub committee: Vec<CommitteeMemberInput>,
    pub groups: Vec<PartyGroupEdit>,
}

/// An earlier committee, archived when the next election was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PastTerm {
    pub term_start: Option<NaiveDate>,
    pub term_years: Option<u8>,
    pub committee: Vec<CommitteeMemberInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OrgSummary {
    pub id: OrgId,
    pub name: String,
    pub level: OrgLevel,
    pub kind: OrgKind,
    pub parent_id: Option<OrgId>,
    pub parent_name: Option<String>,
    /// The made-up branch the first-run screen offers (示例支部).
    pub demo: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CommitteeMember {
    pub id: i64,
    pub name: String,
    pub position: Position,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PartyGroup {
    pub id: i64,
    pub name: String,
    pub leader_name: Option<String>,
    /// Members in this group today.
    pub member_count: u32,
}

/// Everything the overview screen shows about one branch.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BranchOverview {
    pub org: OrgSummary,
    /// The chain of higher organisations, nearest first.
    pub ancestors: Vec<OrgSummary>,
    pub term: Option<TermInfo>,
    pub committee: Vec<CommitteeMember>,
    pub groups: Vec<PartyGroup>,
    pub counts: MemberCounts,
    pub findings: Vec<Finding>,
    /// Earlier committees, most recent first.
    pub past_terms: Vec<PastTerm>,
    pub today: NaiveDate,
}

/// The branch's 党小组 in their order, without member counts (a printout
/// needs only the names; the overview counts the members).
pub fn groups(conn: &Connection, org: OrgId) -> Result<Vec<PartyGroup>> {
    storage::groups(conn, org)
}

/// The names on the branch's committee today (who a 支委会 expects).
pub fn committee_names(conn: &Connection, org: OrgId) -> Result<BTreeSet<String>> {
    Ok(storage::committee(conn, org)?
        .into_iter()
        .map(|m| m.name)
        .collect())
}

/// Marks a branch as the made-up demo one (the window tags it 示例支部).
pub(crate) fn mark_demo(conn: &Connection, org: OrgId) -> Result<()> {
    storage::mark_demo(conn, org)
}

/// Every branch in the database, for the switcher.
pub fn list_branches(conn: &Connection) -> Result<Vec<OrgSummary>> {
    storage::branches(conn)
}

pub fn get(conn: &Connection, id: OrgId) -> Result<OrgSummary> {
    storage::summary(conn, id)?.ok_or_else(|| {
        Error::NotFound(format!(
            "找不到编号为{id}的党组织，它可能已被删除，请重新选择"
        ))
    })
}

/// The branch the UI works on: the one last chosen, else the first there is.
pub fn current(conn: &Connection) -> Result<Option<OrgSummary>> {
    if let Some(id) = settings::get(conn, settings::CURRENT_ORG)? {
        if let Ok(id) = id.parse::<OrgId>() {
            if let Ok(org) = get(conn, id) {
                if org.level == OrgLevel::Branch {
                    return Ok(Some(org));
                }
            }
        }
    }
    Ok(list_branches(conn)?.into_iter().next())
}

pub fn set_current(conn: &Connection, id: OrgId) -> Result<OrgSummary> {
    let org = get(conn, id)?;
    if org.level != OrgLevel::Branch {
        return Err(Error::Validation(format!(
            "“{}”是{}，请选择一个党支部",
            org.name, org.level
        )));
    }
    settings::set(conn, settings::CURRENT_ORG, &id.to_string())?;
    Ok(org)
}

pub fn overview(conn: &Connection, id: OrgId, today: NaiveDate) -> Result<BranchOverview> {
    let org = get(conn, id)?;
    let mut ancestors = Vec::new();
    let mut next = org.parent_id;
    while let Some(pid) = next {
        let parent = get(conn, pid)?;
        next = parent.parent_id;
        ancestors.push(parent);
        if ancestors.len() > 16 {
            break;
        }
    }
    let facts = Facts::load(conn, &org, today)?;
    let findings = if org.level == OrgLevel::Branch {
        let mut findings = facts.rule_findings(&org);
        // What the rules ask about single members (流动、失联 for 6 months).
        findings.extend(
            members::reminders::reminders(&facts.loaded, today)
                .into_iter()
                .map(|r| Finding {
                    severity: Severity::Warning,
                    message: r.message,
                    clause: r.clause,
                }),
        );
        findings
    } else {
        Vec::new()
    };
    let Facts {
        term,
        committee,
        groups,
        counts,
        ..
    } = facts;
    Ok(BranchOverview {
        org,
        ancestors,
        term,
        committee,
        groups,
        counts,
        findings,
        past_terms: storage::past_terms(conn, id)?,
        today,
    })
}

/// The branch, its member counts and what the rules say about the branch
/// itself — its size, committee, term and 党小组 — without the reminders
/// about single members (the 工作台 links those to each member's page).
pub struct BranchCheck {
    pub org: OrgSummary,
    pub counts: MemberCounts,
    pub findings: Vec<Finding>,
}

pub fn branch_check(conn: &Connection, id: OrgId, today: NaiveDate) -> Result<BranchCheck> {
    let org = get(conn, id)?;
    if org.level != OrgLevel::Branch {
        return Err(Error::Validation(format!(
            "“{}”不是党支部：工作台只对党支部",
            org.name
        )));
    }
    let facts = Facts::load(conn, &org, today)?;
    let findings = facts.rule_findings(&org);
    Ok(BranchCheck {
        counts: facts.counts,
        findings,
        org,
    })
}

/// What the overview and the rule checks read about a branch, loaded once.
struct Facts {
    term: Option<TermInfo>,
    committee: Vec<CommitteeMember>,
    groups: Vec<PartyGroup>,
    counts: MemberCounts,
    loaded: Vec<(members::roster::StoredMember, members::MemberState)>,
}

impl Facts {
    fn load(conn: &Connection, org: &OrgSummary, today: NaiveDate) -> Result<Facts> {
        let (term_start, term_years) = storage::term(conn, org.id)?;
        let term = match (term_start, term_years) {
            (Some(start), Some(years)) => Some(rules::term_info(start, years, today)),
            _ => None,
        };
        let committee = storage::committee(conn, org.id)?;
        // Loaded once for the counts and the reminders about single members.
        let loaded = members::roster::load(conn, org.id, today)?;
        let on_roll = members::on_roll_of(&loaded);
        let groups: Vec<PartyGroup> = groups(conn, org.id)?
            .into_iter()
            .map(|mut g| {
                g.member_count = on_roll.iter().filter(|m| m.group_id == Some(g.id)).count() as u32;
                g
            })
            .collect();
        let counts = MemberCounts::of(&on_roll);
        Ok(Facts {
            term,
            committee,
            groups,
            counts,
            loaded,
        })
    }

    fn rule_findings(&self, org: &OrgSummary) -> Vec<Finding> {
        let positions: Vec<Position> = self.committee.iter().map(|c| c.position).collect();
        let mut findings = rules::check_branch(&rules::BranchFacts {
            kind: org.kind,
            full_members: self.counts.full as usize,
            all_members: self.counts.total as usize,
            committee: &positions,
            term: self.term.as_ref(),
        });
        let outside: Vec<String> = members::on_roll_of(&self.loaded)
            .iter()
            .filter(|m| m.group_id.is_none())
            .map(|m| m.name.clone())
            .collect();
        findings.extend(rules::ungrouped(!self.groups.is_empty(), &outside));
        findings
    }
}
