//! The bands the 年度统计 counts members into, kept as a setting of each
//! branch: age, 党龄, 人员类别 (by the words the roster uses), 学历 of 大专
//! and above, 生产、工作一线. The defaults follow the national statistics
//! bulletins' bands (issue 21); a county 党委 that asks for other bands
//! changes them here. A help for filling the 党内统计 forms, not a copy of them.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::ids::OrgId;
use crate::settings;
use crate::text;

/// One 人员类别 band: its label and the words of the roster's 人员类别 it
/// gathers ("工人" and "工勤技能人员" both count as 工人（工勤技能人员）).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CategoryBand {
    pub label: String,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatsSettings {
    /// Upper ends of the age bands: [30, 35] → 30岁及以下, 31至35岁, 36岁及以上.
    pub age_limits: Vec<u32>,
    /// Lower ends of the 党龄 bands: [5, 10] → 不满5年, 5至9年, 10年及以上.
    pub party_age_limits: Vec<u32>,
    pub categories: Vec<CategoryBand>,
    /// The 学历 counted as 大专及以上.
    pub college: Vec<String>,
    /// 发展党员 counted young when this old or younger on the day admitted.
    pub young_age: u32,
    /// The 人员类别 bands counted as 生产、工作一线.
    pub frontline: Vec<String>,
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| w.to_string()).collect()
}

impl Default for StatsSettings {
    fn default() -> Self {
        let band = |label: &str, w: &[&str]| CategoryBand {
            label: label.into(),
            words: words(w),
        };
        StatsSettings {
            age_limits: vec![30, 35, 40, 45, 50, 55, 60],
            party_age_limits: vec![5, 10, 20, 30, 40, 50],
            categories: vec![
                band("工人（工勤技能人员）", &["工人", "工勤技能人员"]),
                band("农牧渔民", &["农牧渔民", "农民", "牧民", "渔民"]),
                band(
                    "企事业单位、社会组织专业技术人员",
                    &["专业技术人员", "企事业单位、社会组织专业技术人员"],
                ),
                band(
                    "企事业单位、社会组织管理人员",
                    &["企业管理人员", "管理人员", "企事业单位、社会组织管理人员"],
                ),
                band("党政机关工作人员", &["党政机关工作人员"]),
                band("学生", &["学生"]),
                band("其他职业人员", &["其他职业人员", "其他"]),
                band("离退休人员", &["离退休人员", "离休", "退休"]),
            ],
            college: words(&["研究生", "大学本科", "大专"]),
            young_age: 35,
            frontline: words(&["工人（工勤技能人员）", "农牧渔民"]),
        }
    }
}

/// The band of members whose 人员类别 is blank or matches no band.
pub const UNSORTED: &str = "未填写或未归类";

impl StatsSettings {
    /// The labels of the age bands, youngest first.
    pub fn age_labels(&self) -> Vec<String> {
        let mut out = Vec::with_capacity(self.age_limits.len() + 1);
        let mut low: Option<u32> = None;
        for &high in &self.age_limits {
            out.push(match low {
                None => format!("{high}岁及以下"),
                Some(l) => format!("{}至{high}岁", l + 1),
            });
            low = Some(high);
        }
        if let Some(l) = low {
            out.push(format!("{}岁及以上", l + 1));
        }
        out
    }

    /// Which age band `age` falls in (index into `age_labels`).
    pub fn age_band(&self, age: u32) -> usize {
        self.age_limits
            .iter()
            .position(|&high| age <= high)
            .unwrap_or(self.age_limits.len())
    }

    /// The labels of the 党龄 bands, shortest first.
    pub fn party_age_labels(&self) -> Vec<String> {
        let mut out = Vec::with_capacity(self.party_age_limits.len() + 1);
        let mut low: Option<u32> = None;
        for &next in &self.party_age_limits {
            out.push(match low {
                None => format!("不满{next}年"),
                Some(l) => format!("{l}至{}年", next - 1),
            });
            low = Some(next);
        }
        if let Some(l) = low {
            out.push(format!("{l}年及以上"));
        }
        out
    }

    pub fn party_age_band(&self, years: u32) -> usize {
        self.party_age_limits
            .iter()
            .position(|&next| years < next)
            .unwrap_or(self.party_age_limits.len())
    }

    /// The band label of a roster's 人员类别, or `UNSORTED`.
    pub fn category_of(&self, category: Option<&str>) -> &str {
        let Some(c) = category.map(str::trim).filter(|c| !c.is_empty()) else {
            return UNSORTED;
        };
        self.categories
            .iter()
            .find(|b| b.label == c || b.words.iter().any(|w| w == c))
            .map(|b| b.label.as_str())
            .unwrap_or(UNSORTED)
    }

    pub fn is_college(&self, education: Option<&str>) -> bool {
        education.is_some_and(|e| self.college.iter().any(|c| c == e.trim()))
    }

    pub fn is_frontline(&self, category: Option<&str>) -> bool {
        let band = self.category_of(category);
        self.frontline.iter().any(|f| f == band)
    }

    /// Checks the bands make sense; the message says what to change.
    fn check(mut self) -> Result<StatsSettings> {
        fn rising(list: &[u32], what: &str, max: u32) -> Result<()> {
            if list.is_empty() || list.len() > 20 {
                return Err(Error::Validation(format!(
                    "{what}请填写1到20个分界，如 30、35、40"
                )));
            }
            if list.windows(2).any(|w| w[0] >= w[1]) || list[0] == 0 || list[list.len() - 1] > max {
                return Err(Error::Validation(format!(
                    "{what}的分界应从小到大排列、互不相同，且在1到{max}之间，请重新填写"
                )));
            }
            Ok(())
        }
        rising(&self.age_limits, "年龄段", 120)?;
        rising(&self.party_age_limits, "党龄段", 100)?;
        text::in_range("发展党员青年的年龄", self.young_age, 18, 60)?;
        if self.categories.is_empty() || self.categories.len() > 30 {
            return Err(Error::Validation("人员类别请填写1到30个类别".into()));
        }
        for band in &mut self.categories {
            band.label = text::required_line("人员类别名称", &band.label, 30)?;
            let mut kept = Vec::new();
            for w in &band.words {
                let w = text::required_line("人员类别的对应写法", w, 30)?;
                if !kept.contains(&w) {
                    kept.push(w);
                }
            }
            band.words = kept;
        }
        for (i, band) in self.categories.iter().enumerate() {
            let taken = self.categories[..i]
                .iter()
                .find(|b| b.label == band.label || b.words.iter().any(|w| band.words.contains(w)));
            if let Some(other) = taken {
                return Err(Error::Validation(format!(
                    "人员类别“{}”与“{}”有相同的名称或写法，一种写法只能归入一个类别",
                    band.label, other.label
                )));
            }
        }
        for f in &self.frontline {
            if !self.categories.iter().any(|b| &b.label == f) {
                return Err(Error::Validation(format!(
                    "“生产、工作一线”中的“{f}”不是已设的人员类别，请从人员类别中选择"
                )));
            }
        }
        Ok(self)
    }
}

fn key(org: OrgId) -> String {
    format!("stats_settings/{org}")
}

pub fn settings(conn: &Connection, org: OrgId) -> Result<StatsSettings> {
    settings::get_json(conn, &key(org))
}

/// Saves the branch's bands after checking them; returns them as kept.
pub fn set_settings(conn: &Connection, org: OrgId, s: &StatsSettings) -> Result<StatsSettings> {
    let s = s.clone().check()?;
    settings::set_json(conn, &key(org), &s)?;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The bulletin's age bands: 30岁及以下, 31至35岁 … 61岁及以上.
    #[test]
    fn age_bands_are_the_bulletin_s_and_each_age_falls_in_one() {
        let s = StatsSettings::default();
        let labels = s.age_labels();
        assert_eq!(labels.first().map(String::as_str), Some("30岁及以下"));
        assert_eq!(labels.get(1).map(String::as_str), Some("31至35岁"));
        assert_eq!(labels.last().map(String::as_str), Some("61岁及以上"));
        for (age, band) in [
            (18, "30岁及以下"),
            (30, "30岁及以下"),
            (31, "31至35岁"),
            (60, "56至60岁"),
            (61, "61岁及以上"),
            (95, "61岁及以上"),
        ] {
            assert_eq!(labels[s.age_band(age)], band, "age {age}");
        }
    }

    #[test]
    fn party_age_bands_run_from_under_five_years() {
        let s = StatsSettings::default();
        let labels = s.party_age_labels();
        for (years, band) in [
            (0, "不满5年"),
            (4, "不满5年"),
            (5, "5至9年"),
            (19, "10至19年"),
            (50, "50年及以上"),
        ] {
            assert_eq!(labels[s.party_age_band(years)], band, "{years} years");
        }
    }

    #[test]
    fn categories_are_told_by_the_words_the_roster_uses() {
        let s = StatsSettings::default();
        assert_eq!(s.category_of(Some("工人")), "工人（工勤技能人员）");
        assert_eq!(s.category_of(Some(" 农民 ")), "农牧渔民");
        assert_eq!(s.category_of(Some("离退休人员")), "离退休人员");
        assert_eq!(s.category_of(Some("个体户")), UNSORTED);
        assert_eq!(s.category_of(None), UNSORTED);
        assert!(s.is_frontline(Some("农牧渔民")));
        assert!(!s.is_frontline(Some("学生")));
        assert!(s.is_college(Some("大专")));
        assert!(!s.is_college(Some("高中")));
    }

    #[test]
    fn bands_out_of_order_or_a_word_in_two_categories_are_refused_in_words() {
        let s = StatsSettings {
            age_limits: vec![30, 30, 40],
            ..StatsSettings::default()
        };
        let e = s.check().expect_err("refused");
        assert!(e.to_string().contains("从小到大"), "{e}");
        let mut s = StatsSettings::default();
        s.categories[1].words.push("工人".into());
        let e = s.check().expect_err("refused");
        assert!(e.to_string().contains("一种写法只能归入一个类别"), "{e}");
        let s = StatsSettings {
            frontline: vec!["农民工".into()],
            ..StatsSettings::default()
        };
        let e = s.check().expect_err("refused");
        assert!(e.to_string().contains("农民工"), "{e}");
        assert!(StatsSettings::default().check().is_ok());
    }
}
