//! The 25 steps of 《中国共产党发展党员工作细则》 (2014) as data: their phase,
//! what must come before, who takes part, and the documents each leaves in
//! the 台账 (domain-rules §4). Everything that walks the pipeline reads this
//! table; nothing else lists the steps.

use serde::Serialize;
use ts_rs::TS;

use crate::labels::label_enum;

label_enum! {
    /// The five phases of the 细则.
    pub enum Phase {
        Application = "申请入党",
        Activist = "入党积极分子的确定和培养教育",
        Candidate = "发展对象的确定和考察",
        Admission = "预备党员的接收",
        Probation = "预备党员的教育考察和转正",
    }
    what: "发展党员阶段"
}

label_enum! {
    /// A part someone from the roster plays in a step.
    pub enum Role {
        Interviewer = "谈话人",
        Mentor = "培养联系人",
        Sponsor = "入党介绍人",
    }
    what: "角色"
}

/// One step of the pipeline.
#[derive(Debug, Clone, Copy, Serialize, TS)]
pub struct StepDef {
    pub no: u8,
    pub phase: Phase,
    pub name: &'static str,
    /// The rule and its clause, as shown beside the step.
    pub rule: &'static str,
    /// Steps that must have been recorded first (and not withdrawn).
    #[ts(type = "number[]")]
    pub after: &'static [u8],
    /// The step is recorded again and again (a 考察 every half year).
    pub repeats: bool,
    /// Who must be named: the role and how many (at least, at most).
    #[ts(type = "[Role, number, number] | null")]
    pub people: Option<(Role, u8, u8)>,
    /// The documents the step leaves behind.
    #[ts(type = "string[]")]
    pub documents: &'static [&'static str],
}

const fn step(
    no: u8,
    phase: Phase,
    name: &'static str,
    rule: &'static str,
    after: &'static [u8],
    documents: &'static [&'static str],
) -> StepDef {
    StepDef {
        no,
        phase,
        name,
        rule,
        after,
        repeats: false,
        people: None,
        documents,
    }
}

const fn repeating(mut s: StepDef) -> StepDef {
    s.repeats = true;
    s
}

const fn with_people(mut s: StepDef, role: Role, min: u8, max: u8) -> StepDef {
    s.people = Some((role, min, max));
    s
}

use Phase::*;

pub const STEPS: [StepDef; 25] = [
    step(1, Application, "递交入党申请书", "年满十八岁（细则第五条）", &[], &["入党申请书"]),
    with_people(
        step(2, Application, "党组织派人谈话", "收到入党申请书后一个月内派人谈话（细则第七条）", &[1], &["谈话记录"]),
        Role::Interviewer,
        1,
        3,
    ),
    step(3, Activist, "推荐和确定入党积极分子", "党员推荐、群团组织推优，支部委员会研究确定（细则第八条）", &[2], &["推荐材料", "支部委员会会议记录"]),
    step(4, Activist, "报上级党委备案", "细则第八条", &[3], &["入党积极分子备案表"]),
    with_people(
        step(5, Activist, "指定培养联系人", "指定一至二名正式党员作培养联系人（细则第九条）", &[3], &["指定培养联系人记录"]),
        Role::Mentor,
        1,
        2,
    ),
    repeating(step(6, Activist, "培养教育考察", "党支部每半年对入党积极分子进行一次考察（细则第十一条）", &[5], &["入党积极分子培养教育考察登记表", "思想汇报"])),
    step(7, Candidate, "确定发展对象", "经过一年以上培养教育和考察（细则第十三条）", &[4, 6], &["意见征求记录", "支部委员会会议记录"]),
    step(8, Candidate, "报上级党委备案", "细则第十三条", &[7], &["发展对象备案表"]),
    with_people(
        step(9, Candidate, "确定入党介绍人", "两名正式党员作入党介绍人；受留党察看处分、尚未恢复党员权利的党员不能作入党介绍人（细则第十四条）", &[7], &["入党介绍人确定记录"]),
        Role::Sponsor,
        2,
        2,
    ),
    step(10, Candidate, "进行政治审查", "政治审查必须形成结论性材料（细则第十五、十六条）", &[7], &["函调材料", "政治审查综合报告"]),
    step(11, Candidate, "开展集中培训", "集中培训时间一般不少于三天（或不少于二十四个学时）（细则第十七条）", &[7], &["培训结业证书"]),
    step(12, Admission, "支部委员会审查", "支部委员会对发展对象进行审查（细则第十九条）", &[8, 9, 10, 11], &["支部委员会会议记录"]),
    step(13, Admission, "上级党委预审", "基层党委对发展对象进行预审，预审合格的发放入党志愿书（细则第十九条）", &[12], &["预审意见"]),
    step(14, Admission, "填写入党志愿书", "细则第二十条", &[13], &["入党志愿书"]),
    step(15, Admission, "支部大会讨论", "有表决权的到会人数超过应到会有表决权人数的半数，赞成人数超过应到会有表决权的正式党员的半数（细则第二十、二十一条）", &[14], &["支部党员大会会议记录", "表决票", "支部大会决议"]),
    step(16, Admission, "上级党委派人谈话", "细则第二十三条", &[15], &["谈话意见"]),
    step(17, Admission, "上级党委审批", "在三个月内审批，特殊情况可适当延长，但不得超过六个月（细则第二十四条）；上级党组织在批准申请人入党以前，要派人同他谈话（党章第五条）", &[15, 16], &["党委会议记录", "审批意见"]),
    step(18, Admission, "再上一级党委组织部门备案", "细则第二十五条", &[17], &["备案表"]),
    step(19, Probation, "编入党支部和党小组", "细则第二十七条", &[17], &["编组记录"]),
    step(20, Probation, "入党宣誓", "面向党旗进行入党宣誓（党章第六条，细则第二十八条）", &[17], &["入党宣誓记录"]),
    repeating(step(21, Probation, "继续教育考察", "细则第二十九条", &[17], &["预备党员考察表", "思想汇报"])),
    repeating(step(22, Probation, "提出转正申请", "预备期满时本人提出书面转正申请（细则第三十一条）；预备党员必须面向党旗进行入党宣誓（党章第六条）", &[20], &["转正申请书"])),
    // 延长 or 取消 may be decided during the 预备期 (细则第三十二条), without a
    // 转正申请; 按期转正 needs step 22 (and so the oath): see rules::check.
    repeating(step(23, Probation, "支部大会讨论转正", "按期转正、延长预备期（只能一次，不少于半年、最长不超过一年）或取消预备党员资格（细则第三十二、三十三条）", &[17], &["支部党员大会会议记录", "表决票", "支部大会决议"])),
    repeating(step(24, Probation, "上级党委审批转正", "三个月内审批；党龄从预备期满转为正式党员之日算起（细则第三十四条）", &[23], &["审批意见"])),
    step(25, Probation, "材料归档", "入党材料及时归档（细则第三十七条）", &[24], &["档案移交清单"]),
];

/// The step numbered `no` (1–25).
pub fn def(no: u8) -> Option<&'static StepDef> {
    STEPS.get(usize::from(no).checked_sub(1)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_numbered_in_order_and_only_looks_back() {
        for (i, s) in STEPS.iter().enumerate() {
            assert_eq!(usize::from(s.no), i + 1);
            assert!(
                s.after.iter().all(|&a| a < s.no),
                "step {} waits on a later one",
                s.no
            );
            assert!(!s.documents.is_empty(), "step {} leaves documents", s.no);
        }
        assert_eq!(def(9).map(|s| s.people), Some(Some((Role::Sponsor, 2, 2))));
        assert!(def(0).is_none() && def(26).is_none());
    }
}
