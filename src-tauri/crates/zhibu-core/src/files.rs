//! Scans and photos kept beside the database: meeting attachments (signed
//! sign-in sheets, photos) and the documents of the development steps
//! (入党申请书, 志愿书 …). Each file is copied into `附件` under the data
//! directory, so a backup of the directory carries it, named by its SHA-256 and
//! checked against it whenever it is read, so a file changed or lost on disk is
//! noticed instead of shown.

use std::io::Write;
use std::path::Path;

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
    let size = std::fs::metadata(source)
        .map_err(|e| Error::io(format!("无法读取所选文件“{file_name}”"), e))?
        .len();
    if size > MAX_BYTES {
        return Err(Error::Validation(format!(
            "文件“{file_name}”有 {:.1} MB，超过了 {} MB 的上限。请用手机或电脑把照片压缩（或扫描时选较低分辨率）后再添加",
            size as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        )));
    }
    let bytes = std::fs::read(source)
        .map_err(|e| Error::io(format!("无法读取所选文件“{file_name}”"), e))?;
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
    let path = data_dir.join(relative);
    let bytes = std::fs::read(&path).map_err(|e| {
        Error::io(
            format!(
                "附件“{name}”的文件 {} 找不到或无法读取，请从备份恢复数据目录",
                path.display()
            ),
            e,
        )
    })?;
    if sha256_hex(&bytes) != sha256 {
        return Err(Error::Corrupt {
            detail: format!("附件“{name}”的文件内容与添加时不一致"),
        });
    }
    Ok(bytes)
}
