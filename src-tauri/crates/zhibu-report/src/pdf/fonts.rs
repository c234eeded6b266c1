//! The fonts a PDF is set in: the bundled Noto subsets (OFL, see
//! `assets/fonts/`), and — only for characters those lack, such as a rare
//! character in a name — a system font that has them. Nothing is downloaded.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontInfo};

macro_rules! font_file {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../assets/fonts/",
            $name
        ))
    };
}

/// 宋体 for text and titles, 黑体 (bold) for headings and table heads.
static BUNDLED_DATA: [&[u8]; 3] = [
    font_file!("NotoSerifSC-Regular-print.otf"),
    font_file!("NotoSerifSC-Bold-print.otf"),
    font_file!("NotoSansSC-Bold-print.otf"),
];

/// The bundled faces, parsed once per process.
pub(crate) static BUNDLED: LazyLock<Vec<Font>> = LazyLock::new(|| {
    BUNDLED_DATA
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect()
});

/// Characters that take no glyph: line breaks, tabs and the like.
fn needs_glyph(c: char) -> bool {
    !c.is_control() && !c.is_whitespace() && !matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}')
}

/// Whether some bundled face draws `c`.
pub(crate) fn bundled_has(c: char) -> bool {
    !needs_glyph(c) || BUNDLED.iter().any(|f| f.info().coverage.contains(c as u32))
}

/// Where the operating system keeps fonts (Windows, macOS, Linux incl. 统信/麒麟).
fn system_font_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if cfg!(windows) {
        if let Some(windir) = std::env::var_os("WINDIR") {
            dirs.push(PathBuf::from(windir).join("Fonts"));
        }
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            dirs.push(PathBuf::from(local).join("Microsoft/Windows/Fonts"));
        }
    } else if cfg!(target_os = "macos") {
        dirs.extend(["/System/Library/Fonts", "/Library/Fonts"].map(PathBuf::from));
    } else {
        dirs.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(PathBuf::from));
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        dirs.extend([
            home.join(".local/share/fonts"),
            home.join(".fonts"),
            home.join("Library/Fonts"),
        ]);
    }
    dirs
}

fn font_files(dir: &Path, out: &mut Vec<PathBuf>, depth: u8) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && depth < 6 {
            font_files(&path, out, depth + 1);
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "ttf" | "otf" | "ttc" | "otc"
            )
        }) {
            out.push(path);
        }
    }
}

/// System faces that draw some of `wanted`, and what none of them draws.
/// Reads font headers only until every character is found.
pub(crate) fn system_fallback(wanted: &BTreeSet<char>) -> (Vec<Font>, BTreeSet<char>) {
    let mut missing = wanted.clone();
    let mut found = Vec::new();
    if missing.is_empty() {
        return (found, missing);
    }
    let mut files = Vec::new();
    for dir in system_font_dirs() {
        font_files(&dir, &mut files, 0);
    }
    files.sort();
    for file in files {
        let Ok(data) = std::fs::read(&file) else {
            continue;
        };
        let useful: Vec<u32> = FontInfo::iter(&data)
            .enumerate()
            .filter(|(_, info)| missing.iter().any(|&c| info.coverage.contains(c as u32)))
            .map(|(i, _)| i as u32)
            .collect();
        if useful.is_empty() {
            continue;
        }
        let bytes = Bytes::new(data);
        for index in useful {
            if let Some(font) = Font::new(bytes.clone(), index) {
                missing.retain(|&c| !font.info().coverage.contains(c as u32));
                found.push(font);
            }
        }
        if missing.is_empty() {
            break;
        }
    }
    (found, missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_faces_draw_chinese_latin_and_punctuation() {
        assert_eq!(BUNDLED.len(), 3);
        for c in "党支部会议记录，。“”（）《》ABCxyz0123#*$@[]\\<=—…".chars() {
            assert!(bundled_has(c), "{c}");
        }
        // Outside GB 2312 and the name list: a rare character, not bundled.
        assert!(!bundled_has('𠮷'));
        assert!(bundled_has('\n'));
    }
}
