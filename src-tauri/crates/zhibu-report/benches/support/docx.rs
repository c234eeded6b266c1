//! The clerk's path today, for the benchmark to race against: the same
//! book as a Word document (one meeting a page, its header as a table, the
//! minutes as paragraphs, the photos inline at print width), handed to
//! LibreOffice to make the PDF.

use std::io::Write;
use std::path::Path;

use serde_json::Value;
use zhibu_report::pdf::Job;

/// Escapes text for XML character data and attributes.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn para(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        "<w:p><w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        esc(text)
    )
}

fn page_break() -> &'static str {
    "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
}

fn cell(text: &str) -> String {
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"4500\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
        para(text, false)
    )
}

fn table(rows: &[(&str, String)]) -> String {
    let body: String = rows
        .iter()
        .map(|(k, v)| format!("<w:tr>{}{}</w:tr>", cell(k), cell(v)))
        .collect();
    format!(
        "<w:tbl><w:tblPr><w:tblBorders>\
         <w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/>\
         <w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/>\
         </w:tblBorders></w:tblPr>{body}</w:tbl>"
    )
}

/// An inline picture 15 cm wide, 4:3, pointing at relationship `rel`.
fn picture(rel: &str, id: usize) -> String {
    let (cx, cy) = (5_400_000, 4_050_000);
    format!(
        "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
         <wp:docPr id=\"{id}\" name=\"photo{id}\"/>\
         <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
         <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"photo{id}.jpg\"/><pic:cNvPicPr/></pic:nvPicPr>\
         <pic:blipFill><a:blip r:embed=\"{rel}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
         <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
         </a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
}

fn text(v: &Value, key: &str) -> String {
    match &v[key] {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::String(s) => s.clone(),
                Value::Object(_) => format!("{}（{}）", text(i, "name"), text(i, "reason")),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join("、"),
        _ => String::new(),
    }
}

/// Writes the minutes book of `job` as a .docx at `out`.
pub fn write_book(job: &Job, out: &Path) {
    let data = &job.data;
    let mut body = String::new();
    let mut media: Vec<(String, std::path::PathBuf)> = Vec::new();
    body += &para(
        &format!(
            "{}{}年组织生活记录",
            text(data, "branch"),
            text(data, "year")
        ),
        true,
    );
    body += &para(&text(data, "parent"), false);
    for m in data["meetings"].as_array().into_iter().flatten() {
        body += page_break();
        body += &para(&text(m, "topic"), true);
        body += &table(&[
            ("类型", text(m, "kind")),
            ("时间", format!("{} {}", text(m, "date"), text(m, "time"))),
            ("地点", text(m, "place")),
            ("主持人", text(m, "host")),
            ("记录人", text(m, "recorder")),
            (
                "应到/实到",
                format!("{}/{}", text(m, "expected"), text(m, "present")),
            ),
            ("请假", text(m, "leave")),
            ("缺席", text(m, "absent")),
            ("列席", text(m, "guests")),
        ]);
        for (label, key) in [
            ("会议议程", "agenda"),
            ("会议记录", "minutes"),
            ("会议决议", "decisions"),
        ] {
            body += &para(label, true);
            for line in text(m, key).lines() {
                body += &para(line, false);
            }
        }
        for v in m["votes"].as_array().into_iter().flatten() {
            body += &para(
                &format!(
                    "表决：{} {} {}",
                    text(v, "subject"),
                    text(v, "result"),
                    text(v, "explanation")
                ),
                false,
            );
        }
        for photo in m["photos"].as_array().into_iter().flatten() {
            let key = text(photo, "path");
            if let Some(p) = job.pictures.get(&key) {
                media.push((format!("rIdImg{}", media.len()), p.path.clone()));
                let (rel, _) = media.last().expect("just pushed");
                body += &picture(rel, media.len());
                body += &para(&text(photo, "caption"), false);
            }
        }
        body += &para("主持人（签字）：            记录人（签字）：", false);
    }

    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
         xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
         xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
         xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
         <w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\"/></w:sectPr></w:body></w:document>"
    );
    let styles = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Noto Serif CJK SC\" \
         w:eastAsia=\"Noto Serif CJK SC\" w:hAnsi=\"Noto Serif CJK SC\"/><w:sz w:val=\"24\"/>\
         </w:rPr></w:rPrDefault></w:docDefaults></w:styles>";
    let rels: String = media
        .iter()
        .enumerate()
        .map(|(i, (rel, _))| {
            format!(
                "<Relationship Id=\"{rel}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/photo{i}.jpg\"/>"
            )
        })
        .collect();
    let parts = [
        (
            "[Content_Types].xml".to_string(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Default Extension=\"jpg\" ContentType=\"image/jpeg\"/>\
             <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
             <Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
             </Types>"
                .to_string(),
        ),
        (
            "_rels/.rels".into(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
             </Relationships>"
                .into(),
        ),
        (
            "word/_rels/document.xml.rels".into(),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
                 <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                 <Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
                 {rels}</Relationships>"
            ),
        ),
        ("word/document.xml".into(), document),
        ("word/styles.xml".into(), styles.into()),
    ];

    let file = std::fs::File::create(out).expect("docx file");
    let mut zip = zip::ZipWriter::new(file);
    let stored: zip::write::SimpleFileOptions =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, xml) in &parts {
        zip.start_file(name.as_str(), stored).expect("zip entry");
        zip.write_all(xml.as_bytes()).expect("zip write");
    }
    for (i, (_, path)) in media.iter().enumerate() {
        zip.start_file(format!("word/media/photo{i}.jpg"), stored)
            .expect("zip entry");
        zip.write_all(&std::fs::read(path).expect("photo"))
            .expect("zip write");
    }
    zip.finish().expect("zip finish");
}
