//! Scans and photos kept beside the database: meeting attachments (signed
//! sign-in sheets, photos) and the documents of the development steps
//! (入党申请书, 志愿书 …). Each file is copied into `附件` under the data
//! directory, so a backup of the directory carries it, named by its SHA-256 and
//! checked against it whenever it is read, so a file changed or lost on disk is
//! noticed instead of shown.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Largest file accepted. A phone photo is 2–8 MB; a multi-page scan as PDF
/// rarely exceeds 10 MB. Larger files make backups to a USB stick slow.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Folder under the data directory that holds the files.
pub const DIR: &str = "附件";

/// What a file is, from its first bytes (never from its name alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileType {
    Jpeg,
    Png,
    Gif,
    Bmp,
    Webp,
    Pdf,
}

impl FileType {
    const ALL: [FileType; 6] = [
        FileType::Jpeg,
        FileType::Png,
        FileType::Gif,
        FileType::Bmp,
        FileType::Webp,
        FileType::Pdf,
    ];

    fn sniff(head: &[u8]) -> Option<FileType> {
        Some(match head {
            [0xFF, 0xD8, 0xFF, ..] => FileType::Jpeg,
            [0x89, b'P', b'N', b'G', ..] => FileType::Png,
            [b'G', b'I', b'F', b'8', ..] => FileType::Gif,
            [b'B', b'M', ..] => FileType::Bmp,
            [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => FileType::Webp,
            [b'%', b'P', b'D', b'F', ..] => FileType::Pdf,
            _ => return None,
        })
    }

    fn extension(self) -> &'static str {
        match self {
            FileType::Jpeg => "jpg",
            FileType::Png => "png",
            FileType::Gif => "gif",
            FileType::Bmp => "bmp",
            FileType::Webp => "webp",
            FileType::Pdf => "pdf",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
            FileType::Gif => "image/gif",
            FileType::Bmp => "image/bmp",
            FileType::Webp => "image/webp",
            FileType::Pdf => "application/pdf",
        }
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The MIME type of a stored file, from the extension it was stored under.
pub(crate) fn mime_of(stored_path: &str) -> &'static str {
    let ext = stored_path.rsplit('.').next().unwrap_or("");
    FileType::ALL
        .into_iter()
        .find(|t| t.extension() == ext)
        .map_or("application/octet-stream", FileType::mime)
}

/// A file read from where the clerk chose it, checked, not yet written.
pub(crate) struct Incoming {
    /// The name the file had (shown, and offered when saving a copy).
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub sha256: String,
    kind: FileType,
}

impl Incoming {
    /// Where the file goes under the data directory, within `folder`.
    pub fn relative_path(&self, folder: &str) -> String {
        format!(
            "{DIR}/{folder}/{}.{}",
            &self.sha256[..16],
            self.kind.extension()
        )
    }

    pub fn mime(&self) -> &'static str {
        self.kind.mime()
    }

    pub fn size(&self) -> i64 {
        self.bytes.len() as i64
    }
}

/// Reads and checks the file the clerk chose: at most [`MAX_BYTES`], and a
/// photo or a PDF by its content.
pub(crate) fn read_incoming(source: &Path) -> Result<Incoming> {
    let file_name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let meta = std::fs::metadata(source)
        .map_err(|e| Error::io(format!("无法读取所选文件“{file_name}”"), e))?;
    if !meta.is_file() {
        return Err(Error::Validation(format!(
            "“{file_name}”不是普通文件（可能是文件夹或设备），请选择照片或PDF文件"
        )));
    }
    let size = meta.len();
    if size > MAX_BYTES {
        return Err(Error::Validation(format!(
            "文件“{file_name}”有 {:.1} MB，超过了 {} MB 的上限。请用手机或电脑把照片压缩（或扫描时选较低分辨率）后再添加",
            size as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        )));
    }
    let bytes = read_bounded(source, MAX_BYTES)
        .map_err(|e| Error::io(format!("无法读取所选文件“{file_name}”"), e))?
        .ok_or_else(|| {
            Error::Validation(format!(
                "文件“{file_name}”在读取时变大了，超过了 {} MB 的上限，请另选文件",
                MAX_BYTES / 1_048_576
            ))
        })?;
    let kind = FileType::sniff(&bytes).ok_or_else(|| {
        Error::Validation(format!(
            "“{file_name}”不是照片或PDF扫描件。只能添加 JPG、PNG、GIF、BMP、WEBP 照片或 PDF 文件"
        ))
    })?;
    Ok(Incoming {
        sha256: sha256_hex(&bytes),
        file_name,
        bytes,
        kind,
    })
}

/// Writes through a temporary file, flushed to disk, then renamed into
/// place: a crash leaves either no file or the whole file.
pub fn write_durably(target: &Path, bytes: &[u8]) -> Result<()> {
    let dir = target
        .parent()
        .ok_or_else(|| Error::Validation(format!("{} 不是有效的文件位置", target.display())))?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::io(format!("无法创建文件夹 {}", dir.display()), e))?;
    let temp = target.with_extension("part");
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, target)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        Error::io(format!("无法保存文件 {}", target.display()), e)
    })
}

/// A stored file's bytes, checked against the checksum taken when it was
/// added. `name` is how the clerk knows the file, for the message.
pub(crate) fn read_stored(
    data_dir: &Path,
    relative: &str,
    sha256: &str,
    name: &str,
) -> Result<Vec<u8>> {
    let path = stored_path(data_dir, relative)?;
    let missing = |e| {
        Error::io(
            format!(
                "附件“{name}”的文件 {} 找不到或无法读取，请从备份恢复数据目录",
                path.display()
            ),
            e,
        )
    };
    let meta = std::fs::symlink_metadata(&path).map_err(missing)?;
    if !meta.is_file() {
        return Err(Error::Corrupt {
            detail: format!("附件“{name}”的位置上不是普通文件"),
        });
    }
    let bytes = read_bounded(&path, MAX_BYTES)
        .map_err(missing)?
        .ok_or_else(|| Error::Corrupt {
            detail: format!("附件“{name}”的文件比添加时大得多"),
        })?;
    if sha256_hex(&bytes) != sha256 {
        return Err(Error::Corrupt {
            detail: format!("附件“{name}”的文件内容与添加时不一致"),
        });
    }
    Ok(bytes)
}

/// Reads at most `max` bytes of a file; `None` when it holds more.
pub(crate) fn read_bounded(path: &Path, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(max + 1)
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// Whether `relative` has the form this program gives a stored file:
/// `附件/<meeting>/<16 hex>.<ext>` or `附件/发展党员/<person>/<16 hex>.<ext>`.
/// A database restored from a hostile backup could name `../../x` or an
/// absolute (or, on Windows, `\\host\share`) path; those never pass.
pub fn is_stored_path(relative: &str) -> bool {
    let parts: Vec<&str> = relative.split('/').collect();
    let id = |p: &str| !p.is_empty() && p.len() <= 18 && p.bytes().all(|b| b.is_ascii_digit());
    let file = |p: &str| {
        p.split_once('.').is_some_and(|(hash, ext)| {
            hash.len() == 16
                && hash
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
                && FileType::ALL.iter().any(|t| t.extension() == ext)
        })
    };
    match parts.as_slice() {
        [root, meeting, name] => *root == DIR && id(meeting) && file(name),
        [root, "发展党员", person, name] => *root == DIR && id(person) && file(name),
        _ => false,
    }
}

/// The place of a stored file under `data_dir`, refused unless its
/// recorded path has the form this program writes (see [`is_stored_path`]).
pub(crate) fn stored_path(data_dir: &Path, relative: &str) -> Result<PathBuf> {
    if !is_stored_path(relative) {
        return Err(Error::Corrupt {
            detail: format!(
                "数据库中记录的附件位置“{relative}”不是本程序写入的形式，已拒绝读取或删除"
            ),
        });
    }
    Ok(data_dir.join(relative))
}

/// Removes a stored file if it is one (never a folder, link or device).
pub fn remove_stored(path: &Path) {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_paths_have_one_form() {
        for ok in [
            "附件/12/0123456789abcdef.jpg",
            "附件/发展党员/3/0123456789abcdef.pdf",
        ] {
            assert!(is_stored_path(ok), "{ok}");
        }
        for bad in [
            "../../etc/passwd",
            "/etc/passwd",
            "附件/../../x/0123456789abcdef.jpg",
            "附件/12/../0123456789abcdef.jpg",
            "附件/12/0123456789ABCDEF.jpg",
            "附件/12/0123456789abcdef.exe",
            "附件\\12\\0123456789abcdef.jpg",
            "\\\\host\\share\\0123456789abcdef.jpg",
            "附件/发展党员/x/0123456789abcdef.pdf",
            "附件/12/0123456789abcdef.jpg/",
            "",
        ] {
            assert!(!is_stored_path(bad), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_device_or_fifo_is_not_read_as_a_photo() {
        let e = read_incoming(Path::new("/dev/zero"))
            .err()
            .expect("a device is refused");
        assert!(e.to_string().contains("不是普通文件"), "{e}");
        let e = read_incoming(Path::new("/"))
            .err()
            .expect("a folder is refused");
        assert!(e.to_string().contains("不是普通文件"), "{e}");
    }

    proptest::proptest! {
        #[test]
        fn any_recorded_path_is_judged_without_panicking(s in "\\PC{0,60}") {
            let _ = is_stored_path(&s);
        }
    }
}
