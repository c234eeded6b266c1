//! typst compiled in-process: a template from `assets/templates/`, the
//! record as `data.json`, photos read from the data directory on demand, the
//! bundled fonts. The clerk's text is only ever data the template reads with
//! `json()`, never markup, so `#`, `*`, `$`, `[`, `\` … print as typed.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::{Datelike, NaiveDate};
use serde_json::Value;
use typst::diag::{FileError, FileResult, Severity};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use zhibu_core::export::MissingChars;

use super::fonts;
use crate::error::{Error, Result};

macro_rules! template {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../assets/templates/",
                $name
            )),
        )
    };
}

/// Every template, by file name; `common.typ` is imported by the others.
const TEMPLATES: &[(&str, &str)] = &[
    template!("common.typ"),
    template!("minutes.typ"),
    template!("tables.typ"),
    template!("signin.typ"),
    template!("development.typ"),
    template!("sheets.typ"),
];

/// A photo or scan the template may show, read when typst asks for it.
#[derive(Debug, Clone)]
pub struct Picture {
    pub path: PathBuf,
    /// SHA-256 taken when the file was added; a file that no longer matches
    /// is not printed as if it were the original.
    pub sha256: String,
    /// The name the clerk knows it by, for messages.
    pub name: String,
}

/// A typeset document.
#[derive(Debug)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// Printed as empty boxes: shown to the clerk, never dropped silently.
    pub missing: Vec<MissingChars>,
}

/// What one document needs: its template, its data and its pictures.
#[derive(Debug)]
pub struct Job {
    pub template: &'static str,
    pub data: Value,
    /// Pictures by the name the data uses for them (`img/<n>`).
    pub pictures: HashMap<String, Picture>,
    pub today: NaiveDate,
}

/// How far a render has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Laying out pages; photos are read one by one as they are placed.
    Typesetting { photos_read: usize, photos: usize },
    /// Writing the PDF's bytes.
    Writing,
}

struct JobWorld<'a> {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: FileId,
    data: Bytes,
    pictures: &'a HashMap<String, Picture>,
    today: NaiveDate,
    cancel: &'a AtomicBool,
    read: AtomicUsize,
    on_step: &'a (dyn Fn(Step) + Sync),
}

fn file_id(path: &str) -> Option<FileId> {
    VirtualPath::new(path)
        .ok()
        .map(|v| FileId::new(RootedPath::new(VirtualRoot::Project, v)))
}

fn path_of(id: FileId) -> String {
    id.get()
        .vpath()
        .get_without_slash()
        .trim_start_matches('/')
        .to_string()
}

impl World for JobWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let path = path_of(id);
        TEMPLATES
            .iter()
            .find(|(name, _)| *name == path)
            .map(|(_, text)| Source::new(id, (*text).to_string()))
            .ok_or_else(|| FileError::NotFound(path.into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        // Every photo is a file read: the natural place to stop when asked.
        if self.cancel.load(Ordering::Relaxed) {
            return Err(FileError::Other(Some(CANCELLED.into())));
        }
        let path = path_of(id);
        if path == "data.json" {
            return Ok(self.data.clone());
        }
        let picture = self
            .pictures
            .get(&path)
            .ok_or_else(|| FileError::NotFound(path.clone().into()))?;
        let bytes = std::fs::read(&picture.path)
            .map_err(|e| FileError::Other(Some(format!("{}：{e}", picture.name).into())))?;
        if zhibu_core::files::sha256_hex(&bytes) != picture.sha256 {
            return Err(FileError::Other(Some(
                format!("{}与添加时不一致（文件可能已损坏）", picture.name).into(),
            )));
        }
        let photos_read = self.read.fetch_add(1, Ordering::Relaxed) + 1;
        (self.on_step)(Step::Typesetting {
            photos_read,
            photos: self.pictures.len(),
        });
        Ok(Bytes::new(bytes))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(
            self.today.year(),
            u8::try_from(self.today.month()).ok()?,
            u8::try_from(self.today.day()).ok()?,
        )
    }
}

const CANCELLED: &str = "已取消";

/// Field names of the data, as the clerk knows them, for "where" in messages.
fn field_label(key: &str) -> &str {
    match key {
        "topic" => "主题",
        "agenda" => "议程",
        "minutes" => "会议记录",
        "decisions" => "决议",
        "name" => "姓名",
        "reason" => "原因",
        "subject" => "表决事项",
        "text" => "内容",
        "caption" => "照片说明",
        "place" => "地点",
        "host" => "主持人",
        "recorder" => "记录人",
        "note" => "备注",
        "cells" => "表格内容",
        "profile" => "基本情况",
        "details" => "相关人员及情况",
        "documents" => "材料",
        other => other,
    }
}

/// Every character of the data no bundled face draws, by where it is: the
/// nearest enclosing object's `where` (e.g. "2026年3月5日 支部委员会") and the field.
fn unbundled(value: &Value, place: &str, key: &str, out: &mut BTreeMap<String, BTreeSet<char>>) {
    match value {
        Value::String(s) => {
            let missing: BTreeSet<char> = s.chars().filter(|&c| !fonts::bundled_has(c)).collect();
            if !missing.is_empty() {
                let at = match (place.is_empty(), key.is_empty()) {
                    (true, _) => field_label(key).to_string(),
                    (false, true) => place.to_string(),
                    (false, false) => format!("{place}的{}", field_label(key)),
                };
                out.entry(at).or_default().extend(missing);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| unbundled(v, place, key, out)),
        Value::Object(map) => {
            let here = map
                .get("where")
                .and_then(Value::as_str)
                .unwrap_or(place)
                .to_string();
            for (k, v) in map {
                if k != "where" {
                    unbundled(v, &here, k, out);
                }
            }
        }
        _ => {}
    }
}

/// Typesets `job`. `cancel` may be set from another thread; the job then
/// ends with [`Error::Cancelled`] and nothing is written.
pub fn render(job: &Job, cancel: &AtomicBool) -> Result<Rendered> {
    render_with(job, cancel, &|_| {})
}

/// [`render`], telling `on_step` how far it has got.
pub fn render_with(
    job: &Job,
    cancel: &AtomicBool,
    on_step: &(dyn Fn(Step) + Sync),
) -> Result<Rendered> {
    let mut places = BTreeMap::new();
    unbundled(&job.data, "", "", &mut places);
    let wanted: BTreeSet<char> = places.values().flatten().copied().collect();
    let (extra, unknown) = fonts::system_fallback(&wanted);
    let missing = places
        .into_iter()
        .filter_map(|(place, chars)| {
            let chars: String = chars.intersection(&unknown).collect();
            (!chars.is_empty()).then_some(MissingChars { place, chars })
        })
        .collect();

    let mut all: Vec<Font> = fonts::BUNDLED.clone();
    all.extend(extra);
    let main = file_id(job.template).ok_or_else(|| Error::Typeset {
        detail: format!("模板名 {} 无效", job.template),
    })?;
    let data = serde_json::to_vec(&job.data).map_err(|e| Error::Typeset {
        detail: e.to_string(),
    })?;
    let world = JobWorld {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&all)),
        fonts: all,
        main,
        data: Bytes::new(data),
        pictures: &job.pictures,
        today: job.today,
        cancel,
        read: AtomicUsize::new(0),
        on_step,
    };
    on_step(Step::Typesetting {
        photos_read: 0,
        photos: job.pictures.len(),
    });
    let compiled = typst::compile::<PagedDocument>(&world).output;
    if cancel.load(Ordering::Relaxed) {
        return Err(Error::Cancelled);
    }
    let document = compiled.map_err(|errors| diagnose(&errors))?;
    on_step(Step::Writing);
    let pdf = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| diagnose(&errors))?;
    if cancel.load(Ordering::Relaxed) {
        return Err(Error::Cancelled);
    }
    Ok(Rendered {
        pages: document.pages().len(),
        pdf,
        missing,
    })
}

/// The first error, in words (a photo that cannot be read names the photo).
/// A cancelled render never gets here: the flag is checked first.
fn diagnose(errors: &[typst::diag::SourceDiagnostic]) -> Error {
    let first = errors
        .iter()
        .find(|d| d.severity == Severity::Error)
        .or(errors.first());
    Error::Typeset {
        detail: first.map(|d| d.message.to_string()).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn characters_no_font_draws_are_named_with_where_they_are() {
        let data = json!({
            "title": "东坡村党支部",
            "meetings": [
                { "where": "2026年3月5日 支部委员会", "minutes": "张𠮷发言", "topic": "研究" },
                { "where": "2026年4月1日 党课", "host": "王𠮷" }
            ]
        });
        let mut out = BTreeMap::new();
        unbundled(&data, "", "", &mut out);
        let listed: Vec<(String, String)> = out
            .into_iter()
            .map(|(p, c)| (p, c.into_iter().collect()))
            .collect();
        assert_eq!(
            listed,
            vec![
                (
                    "2026年3月5日 支部委员会的会议记录".to_string(),
                    "𠮷".to_string()
                ),
                ("2026年4月1日 党课的主持人".to_string(), "𠮷".to_string()),
            ]
        );
    }
}
