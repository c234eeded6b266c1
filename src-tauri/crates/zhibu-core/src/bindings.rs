//! The TypeScript types the UI uses for everything that crosses IPC are
//! generated from these Rust types into `ui/src/api/bindings.ts`. This test
//! fails when the committed file is stale; run it with
//! `ZHIBU_UPDATE_BINDINGS=1` to regenerate.

use std::path::PathBuf;

use ts_rs::{Config, TS};

use crate::backup::schedule::{AutoBackup, BackupSettings, BackupStatus};
use crate::backup::targets::Target;
use crate::backup::{BackupInfo, Counts, RestoreReport, Summary};
use crate::development::steps::{Phase, Role, StepDef};
use crate::development::{
    Breach, Decision, DevDocument, DevFinding, DevSettings, DevStats, NewApplicant, Next,
    PersonDetail, PersonSummary, Stage, StepInput, StepPerson, StepRecord, VoteChoice,
};
use crate::dues::card::{CardMonth, DuesCard, OpenMonth};
use crate::dues::close::ClosedMonth;
use crate::dues::large::{LargeEntry, LargeKind, LargeLedger};
use crate::dues::ledger::{ArrearsRow, MonthSheet, MonthState, SheetRow};
use crate::dues::payments::{Allocation, PayMethod, PaymentInput, PaymentRecord};
use crate::dues::profile::{BaseInput, BaseRecord, Review, ReviewEntry, ReviewRow};
use crate::dues::remit::{PeriodRow, Reconciliation, RemittanceInput, RemittanceRecord};
use crate::dues::{
    BasePolicy, DuesCategory, DuesSettings, PayPeriod, RemitPeriod, Rounding, Terms, WindowPolicy,
};
use crate::error::{ErrorKind, ErrorPayload};
use crate::export::{Document, Exported, MissingChars};
use crate::info::{AppStart, AppStatus, FirstScreen, Info};
use crate::meetings::attachments::Attachment;
use crate::meetings::calendar::{
    Calendar, CalendarFinding, CalendarRow, Cell, CellMeeting, CellStatus, Frequency, Requirements,
    TalkScope,
};
use crate::meetings::details::{DayContent, Item, ItemInput, Progress};
use crate::meetings::participation::{Participation, ParticipationLevel};
use crate::meetings::votes::{Outcome, Tally, VoteKind};
use crate::meetings::{
    Attendance, AttendanceRow, Exclusion, MeetingDetail, MeetingInput, MeetingKind, MeetingSummary,
    Presence, RecordedVote, SearchHit, Supplement, VoteInput,
};
use crate::members::excel::{
    Column, ColumnMap, Field, ImportPreview, ImportReport, PreviewRow, Problem, RowAction,
};
use crate::members::history::LeavingKind;
use crate::members::roster::{MemberDetail, StatusFilter};
use crate::members::rules::DisciplinePeriod;
use crate::members::{
    EventKind, GroupChoice, MemberCounts, MemberEvent, MemberProfile, NewEvent, NewMember, Roster,
    RosterQuery, RosterRow, Sex, Standing,
};
use crate::org::{
    BranchEdit, BranchOverview, CommitteeMember, CommitteeMemberInput, Finding, NewBranch, OrgKind,
    OrgLevel, OrgSummary, PartyGroup, PartyGroupEdit, PartyGroupInput, PastTerm, Position,
    Severity, TermInfo, TermState,
};
use crate::paths::DataMode;
use crate::stats::sheets::{Attended, DuesYear, KindPart, MemberSheet, Missed, Talk, Undertaking};
use crate::stats::{
    AgeRow, CategoryBand, Count, DevFigures, DuesFigures, DuesMonth, KindFigures, LectureLine,
    MeetingFigures, MemberFigures, MonthCount, Stats, StatsQuery, StatsSettings, ThemeDayLine,
};
use crate::task::{Task, TaskProgress};
use crate::todo::{Area, MonthMeeting, Screen, Snooze, Todo, TodoItem, Urgency};

/// Every choice of the label enums the forms offer, in the Rust order, so
/// the UI's selects never copy a list that could drift.
macro_rules! choices {
    ($($ty:ident => $name:literal),+ $(,)?) => {
        vec![$(format!(
            "export const {}: readonly {}[] = {}\n",
            $name,
            stringify!($ty),
            serde_json::to_string(&$ty::ALL.iter().map(|v| v.label()).collect::<Vec<_>>())
                .expect("labels are strings"),
        )),+]
    };
}

fn decl<T: TS>(cfg: &Config) -> String {
    format!("export {}\n", T::decl(cfg))
}

fn generate() -> String {
    let cfg = Config::new().with_large_int("number");
    let parts = [
        decl::<ErrorKind>(&cfg),
        decl::<ErrorPayload>(&cfg),
        decl::<OrgLevel>(&cfg),
        decl::<OrgKind>(&cfg),
        decl::<Position>(&cfg),
        decl::<CommitteeMemberInput>(&cfg),
        decl::<PartyGroupInput>(&cfg),
        decl::<NewBranch>(&cfg),
        decl::<PartyGroupEdit>(&cfg),
        decl::<BranchEdit>(&cfg),
        decl::<PastTerm>(&cfg),
        decl::<OrgSummary>(&cfg),
        decl::<crate::demo::DemoRemoved>(&cfg),
        decl::<CommitteeMember>(&cfg),
        decl::<PartyGroup>(&cfg),
        decl::<Severity>(&cfg),
        decl::<Finding>(&cfg),
        decl::<TermState>(&cfg),
        decl::<TermInfo>(&cfg),
        decl::<MemberCounts>(&cfg),
        decl::<BranchOverview>(&cfg),
        decl::<Sex>(&cfg),
        decl::<EventKind>(&cfg),
        decl::<Standing>(&cfg),
        decl::<LeavingKind>(&cfg),
        decl::<DisciplinePeriod>(&cfg),
        decl::<MemberProfile>(&cfg),
        decl::<NewMember>(&cfg),
        decl::<NewEvent>(&cfg),
        decl::<MemberEvent>(&cfg),
        decl::<StatusFilter>(&cfg),
        decl::<RosterQuery>(&cfg),
        decl::<RosterRow>(&cfg),
        decl::<Roster>(&cfg),
        decl::<GroupChoice>(&cfg),
        decl::<MemberDetail>(&cfg),
        decl::<Field>(&cfg),
        decl::<Column>(&cfg),
        decl::<ColumnMap>(&cfg),
        decl::<RowAction>(&cfg),
        decl::<Problem>(&cfg),
        decl::<PreviewRow>(&cfg),
        decl::<ImportPreview>(&cfg),
        decl::<ImportReport>(&cfg),
        decl::<Info>(&cfg),
        decl::<DataMode>(&cfg),
        decl::<AppStatus>(&cfg),
        decl::<AppStart>(&cfg),
        decl::<FirstScreen>(&cfg),
        decl::<VoteKind>(&cfg),
        decl::<Tally>(&cfg),
        decl::<Outcome>(&cfg),
        decl::<MeetingKind>(&cfg),
        decl::<Presence>(&cfg),
        decl::<DayContent>(&cfg),
        decl::<MeetingInput>(&cfg),
        decl::<Attendance>(&cfg),
        decl::<VoteInput>(&cfg),
        decl::<MeetingSummary>(&cfg),
        decl::<AttendanceRow>(&cfg),
        decl::<Exclusion>(&cfg),
        decl::<RecordedVote>(&cfg),
        decl::<Supplement>(&cfg),
        decl::<Progress>(&cfg),
        decl::<Item>(&cfg),
        decl::<ItemInput>(&cfg),
        decl::<Attachment>(&cfg),
        decl::<MeetingDetail>(&cfg),
        decl::<SearchHit>(&cfg),
        decl::<Frequency>(&cfg),
        decl::<TalkScope>(&cfg),
        decl::<CellStatus>(&cfg),
        decl::<Requirements>(&cfg),
        decl::<CellMeeting>(&cfg),
        decl::<Cell>(&cfg),
        decl::<CalendarRow>(&cfg),
        decl::<Calendar>(&cfg),
        decl::<CalendarFinding>(&cfg),
        decl::<ParticipationLevel>(&cfg),
        decl::<Participation>(&cfg),
        decl::<DuesCategory>(&cfg),
        decl::<PayPeriod>(&cfg),
        decl::<Rounding>(&cfg),
        decl::<BasePolicy>(&cfg),
        decl::<WindowPolicy>(&cfg),
        decl::<RemitPeriod>(&cfg),
        decl::<DuesSettings>(&cfg),
        decl::<Terms>(&cfg),
        decl::<BaseRecord>(&cfg),
        decl::<BaseInput>(&cfg),
        decl::<ReviewRow>(&cfg),
        decl::<Review>(&cfg),
        decl::<ReviewEntry>(&cfg),
        decl::<MonthState>(&cfg),
        decl::<SheetRow>(&cfg),
        decl::<MonthSheet>(&cfg),
        decl::<ArrearsRow>(&cfg),
        decl::<CardMonth>(&cfg),
        decl::<OpenMonth>(&cfg),
        decl::<PayMethod>(&cfg),
        decl::<PaymentInput>(&cfg),
        decl::<Allocation>(&cfg),
        decl::<PaymentRecord>(&cfg),
        decl::<DuesCard>(&cfg),
        decl::<ClosedMonth>(&cfg),
        decl::<RemittanceInput>(&cfg),
        decl::<RemittanceRecord>(&cfg),
        decl::<LargeKind>(&cfg),
        decl::<LargeEntry>(&cfg),
        decl::<LargeLedger>(&cfg),
        decl::<Phase>(&cfg),
        decl::<Role>(&cfg),
        decl::<StepDef>(&cfg),
        decl::<Stage>(&cfg),
        decl::<Decision>(&cfg),
        decl::<DevSettings>(&cfg),
        decl::<Breach>(&cfg),
        decl::<Next>(&cfg),
        decl::<NewApplicant>(&cfg),
        decl::<StepInput>(&cfg),
        decl::<StepPerson>(&cfg),
        decl::<DevDocument>(&cfg),
        decl::<StepRecord>(&cfg),
        decl::<PersonSummary>(&cfg),
        decl::<PersonDetail>(&cfg),
        decl::<DevFinding>(&cfg),
        decl::<VoteChoice>(&cfg),
        decl::<DevStats>(&cfg),
        decl::<PeriodRow>(&cfg),
        decl::<Reconciliation>(&cfg),
        decl::<MissingChars>(&cfg),
        decl::<Document>(&cfg),
        decl::<Target>(&cfg),
        decl::<AutoBackup>(&cfg),
        decl::<BackupSettings>(&cfg),
        decl::<BackupStatus>(&cfg),
        decl::<Counts>(&cfg),
        decl::<Summary>(&cfg),
        decl::<BackupInfo>(&cfg),
        decl::<RestoreReport>(&cfg),
        decl::<Exported>(&cfg),
        decl::<Task>(&cfg),
        decl::<TaskProgress>(&cfg),
        decl::<Area>(&cfg),
        decl::<Urgency>(&cfg),
        decl::<Screen>(&cfg),
        decl::<Snooze>(&cfg),
        decl::<TodoItem>(&cfg),
        decl::<MonthMeeting>(&cfg),
        decl::<Todo>(&cfg),
        decl::<StatsQuery>(&cfg),
        decl::<CategoryBand>(&cfg),
        decl::<StatsSettings>(&cfg),
        decl::<Count>(&cfg),
        decl::<AgeRow>(&cfg),
        decl::<MemberFigures>(&cfg),
        decl::<KindFigures>(&cfg),
        decl::<MonthCount>(&cfg),
        decl::<ThemeDayLine>(&cfg),
        decl::<LectureLine>(&cfg),
        decl::<MeetingFigures>(&cfg),
        decl::<DevFigures>(&cfg),
        decl::<DuesMonth>(&cfg),
        decl::<DuesFigures>(&cfg),
        decl::<Stats>(&cfg),
        decl::<Missed>(&cfg),
        decl::<KindPart>(&cfg),
        decl::<Attended>(&cfg),
        decl::<Talk>(&cfg),
        decl::<DuesYear>(&cfg),
        decl::<Undertaking>(&cfg),
        decl::<MemberSheet>(&cfg),
    ];
    let lists = choices![
        OrgKind => "ORG_KINDS",
        Position => "POSITIONS",
        MeetingKind => "MEETING_KINDS",
        Frequency => "FREQUENCIES",
        TalkScope => "TALK_SCOPES",
        DayContent => "DAY_CONTENTS",
        VoteKind => "VOTE_KINDS",
        LeavingKind => "LEAVING_KINDS",
        DisciplinePeriod => "DISCIPLINE_PERIODS",
        Field => "FIELDS",
        DuesCategory => "DUES_CATEGORIES",
        PayPeriod => "PAY_PERIODS",
        PayMethod => "PAY_METHODS",
        Rounding => "ROUNDINGS",
        BasePolicy => "BASE_POLICIES",
        WindowPolicy => "WINDOW_POLICIES",
        RemitPeriod => "REMIT_PERIODS",
        AutoBackup => "AUTO_BACKUPS",
    ];
    format!(
        "// Generated from the Rust types in zhibu-core by its `bindings` test.\n// Do not edit: change the Rust type and run `ZHIBU_UPDATE_BINDINGS=1 cargo test -p zhibu-core bindings`.\n\n{}\n// Every choice of each list the forms offer, in the Rust order.\n{}",
        parts.join("\n"),
        lists.concat()
    )
}

#[test]
fn bindings_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/api/bindings.ts");
    let fresh = generate();
    if std::env::var_os("ZHIBU_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("write bindings.ts");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/api/bindings.ts is stale: run `ZHIBU_UPDATE_BINDINGS=1 cargo test -p zhibu-core bindings` and commit it"
    );
}
