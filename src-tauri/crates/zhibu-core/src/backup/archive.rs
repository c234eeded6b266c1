//! The `.zhibu` archive itself: tar, optionally inside age (scrypt
//! passphrase), each part hashed as it streams through.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use age::secrecy::SecretString;
use sha2::{Digest, Sha256};

use super::{Part, Summary, FORMAT, MANIFEST_NAME, SUMMARY_NAME};
use crate::error::{Error, Result};
use crate::store::DB_FILE;
use crate::task::Report;

/// scrypt cost of a new backup's passphrase: 2^18 (256 MiB, about a second
/// on a modest laptop), fixed so that a file made on a fast computer still
/// opens on a slow one.
const SCRYPT_LOG_N: u8 = 18;
/// The most a file may ask for when opened (2^20, 1 GiB).
const SCRYPT_MAX_LOG_N: u8 = 20;
/// How every age file starts.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

/// A backup passphrase. Never stored: the clerk types it for each backup and
/// each restore.
pub struct Passphrase(SecretString);

impl Passphrase {
    pub fn new(text: &str) -> Result<Passphrase> {
        let text = text.trim_end_matches(['\r', '\n']);
        if text.chars().count() < 6 {
            return Err(Error::Validation(
                "备份密码至少要6个字。请记在稳妥的地方：忘了密码，备份就无法恢复".into(),
            ));
        }
        Ok(Passphrase(SecretString::from(text.to_string())))
    }
}

/// Reads a source file into the archive, hashing and counting it, and
/// remembering whether a failure was the source's (not the target's).
struct Hashing<'a, R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
    source_failed: Option<io::Error>,
    cancel: &'a AtomicBool,
    cancelled: bool,
    tick: &'a mut dyn FnMut(u64),
}

impl<R: Read> Read for Hashing<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.cancel.load(Ordering::Relaxed) {
            self.cancelled = true;
            return Err(io::Error::other("cancelled"));
        }
        match self.inner.read(buf) {
            Ok(n) => {
                self.hasher.update(&buf[..n]);
                self.bytes += n as u64;
                (self.tick)(n as u64);
                Ok(n)
            }
            Err(e) => {
                let copy = io::Error::new(e.kind(), e.to_string());
                self.source_failed = Some(e);
                Err(copy)
            }
        }
    }
}

/// Where the archive goes: straight to the file, or through age.
enum Sink<W: Write> {
    Plain(W),
    Sealed(age::stream::StreamWriter<W>),
}

impl<W: Write> Write for Sink<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Plain(w) => w.write(buf),
            Sink::Sealed(w) => w.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Plain(w) => w.flush(),
            Sink::Sealed(w) => w.flush(),
        }
    }
}

impl<W: Write> Sink<W> {
    fn finish(self) -> io::Result<W> {
        match self {
            Sink::Plain(w) => Ok(w),
            Sink::Sealed(w) => w.finish(),
        }
    }
}

/// A write to the target failed: in words, with the usual causes.
fn target_error(target: &Path, e: io::Error) -> Error {
    super::write_error(target, e)
}

/// Writes the archive of `summary`, the database `snapshot` and `files` to
/// `out` (the file at `target`), and returns the file, flushed by its writer
/// but not yet synced.
#[allow(clippy::too_many_arguments)]
pub(super) fn write(
    out: BufWriter<File>,
    target: &Path,
    passphrase: Option<&Passphrase>,
    summary: &Summary,
    snapshot: &Path,
    files: &[(String, PathBuf, u64)],
    on_progress: &dyn Fn(Report),
    cancel: &AtomicBool,
) -> Result<File> {
    let sink = match passphrase {
        None => Sink::Plain(out),
        Some(p) => {
            let mut recipient = age::scrypt::Recipient::new(p.0.clone());
            recipient.set_work_factor(SCRYPT_LOG_N);
            let encryptor =
                age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                    .map_err(|e| Error::Internal(format!("无法加密备份（{e}）")))?;
            Sink::Sealed(
                encryptor
                    .wrap_output(out)
                    .map_err(|e| target_error(target, e))?,
            )
        }
    };
    let summary_json = serde_json::to_vec_pretty(summary)?;
    let snapshot_bytes = std::fs::metadata(snapshot)
        .map_err(|e| Error::io(format!("无法读取 {}", snapshot.display()), e))?
        .len();
    let total =
        summary_json.len() as u64 + snapshot_bytes + files.iter().map(|(_, _, b)| b).sum::<u64>();
    let mut done = 0u64;
    let mut last_report = 0u64;
    let mut tick = |n: u64| {
        done += n;
        // Every 4 MB is plenty for a progress bar.
        if done - last_report >= 4 << 20 || done == total {
            last_report = done;
            on_progress(Report {
                stage: "正在备份",
                done,
                total,
            });
        }
    };

    let mut builder = tar::Builder::new(sink);
    builder.mode(tar::HeaderMode::Deterministic);
    let mut parts = Vec::with_capacity(files.len() + 2);
    let mut add = |builder: &mut tar::Builder<Sink<BufWriter<File>>>,
                   name: &str,
                   source: &mut dyn Read,
                   size: u64,
                   source_name: &Path|
     -> Result<()> {
        let mut header = tar::Header::new_gnu();
        header.set_size(size);
        header.set_mode(0o644);
        header.set_entry_type(tar::EntryType::Regular);
        let mut reader = Hashing {
            inner: source,
            hasher: Sha256::new(),
            bytes: 0,
            source_failed: None,
            cancel,
            cancelled: false,
            tick: &mut tick,
        };
        if let Err(e) = builder.append_data(&mut header, name, &mut reader) {
            return Err(if reader.cancelled {
                Error::Cancelled
            } else if let Some(source) = reader.source_failed {
                Error::io(format!("无法读取 {}", source_name.display()), source)
            } else {
                target_error(target, e)
            });
        }
        if reader.bytes != size {
            return Err(Error::Internal(format!(
                "{} 在备份过程中被改动，请重试",
                source_name.display()
            )));
        }
        parts.push(super::Part {
            path: name.to_string(),
            bytes: reader.bytes,
            sha256: format!("{:x}", reader.hasher.finalize()),
        });
        Ok(())
    };

    add(
        &mut builder,
        SUMMARY_NAME,
        &mut &summary_json[..],
        summary_json.len() as u64,
        Path::new(SUMMARY_NAME),
    )?;
    let mut db = File::open(snapshot)
        .map_err(|e| Error::io(format!("无法读取 {}", snapshot.display()), e))?;
    add(&mut builder, DB_FILE, &mut db, snapshot_bytes, snapshot)?;
    for (name, path, size) in files {
        let mut f = File::open(path)
            .map_err(|e| Error::io(format!("无法读取附件 {}", path.display()), e))?;
        add(&mut builder, name, &mut f, *size, path)?;
    }

    let manifest =
        serde_json::to_vec_pretty(&serde_json::json!({ "format": FORMAT, "parts": parts }))?;
    let mut header = tar::Header::new_gnu();
    header.set_size(manifest.len() as u64);
    header.set_mode(0o644);
    header.set_entry_type(tar::EntryType::Regular);
    builder
        .append_data(&mut header, MANIFEST_NAME, &manifest[..])
        .map_err(|e| target_error(target, e))?;
    let sink = builder.into_inner().map_err(|e| target_error(target, e))?;
    let out = sink.finish().map_err(|e| target_error(target, e))?;
    out.into_inner()
        .map_err(|e| target_error(target, e.into_error()))
}

/// What to take out of an archive while reading it.
pub(super) enum Extract<'a> {
    /// Only the database, to check it (attachments are hashed, not kept).
    DatabaseTo(&'a Path),
    /// Everything, into a staging folder, for a restore.
    All(&'a Path),
}

pub(super) struct Contents {
    pub summary: Summary,
    pub encrypted: bool,
    /// The parts as read and checked against the manifest.
    pub parts: Vec<Part>,
}

/// The most the summary or the manifest may hold (a year's manifest of
/// thousands of photos is a few hundred KB).
const MAX_META_BYTES: u64 = 1 << 20;

/// A file that reads, but was not made by this program as it is.
pub(super) fn not_ours(detail: impl std::fmt::Display) -> Error {
    Error::BadBackup(format!(
        "这个文件不是本程序制作的备份，或已被改动（{detail}），为安全起见不予使用；现有数据没有改动。请换一个备份文件"
    ))
}

fn damaged(detail: impl std::fmt::Display) -> Error {
    Error::BadBackup(format!(
        "备份文件不完整或已损坏（{detail}），可能是复制时被中断或U盘出了问题。请换一个备份文件"
    ))
}

/// Reads the archive at `path` from end to end, checking every part against
/// the manifest, and takes out what `extract` asks for.
pub(super) fn read(
    path: &Path,
    passphrase: Option<&Passphrase>,
    extract: Extract<'_>,
    on_progress: &dyn Fn(Report),
    cancel: &AtomicBool,
) -> Result<Contents> {
    let file = File::open(path)
        .map_err(|e| Error::io(format!("无法打开备份文件 {}", path.display()), e))?;
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut input = BufReader::with_capacity(1 << 20, file);
    let mut head = [0u8; 21];
    let peeked = {
        use std::io::BufRead;
        let buf = input
            .fill_buf()
            .map_err(|e| Error::io(format!("无法读取备份文件 {}", path.display()), e))?;
        let n = buf.len().min(head.len());
        head[..n].copy_from_slice(&buf[..n]);
        n
    };
    let encrypted = peeked == AGE_MAGIC.len() && head[..] == *AGE_MAGIC;
    let reader: Box<dyn io::Read> = if encrypted {
        let Some(p) = passphrase else {
            return Err(Error::Passphrase(
                "这个备份设置了密码，请输入备份时设的密码".into(),
            ));
        };
        let decryptor = age::Decryptor::new_buffered(input).map_err(damaged)?;
        let mut identity = age::scrypt::Identity::new(p.0.clone());
        identity.set_max_work_factor(SCRYPT_MAX_LOG_N);
        match decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)) {
            Ok(r) => Box::new(r),
            Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
                return Err(Error::Passphrase(
                    "密码不对，备份没有打开。请输入备份时设的密码（区分大小写）".into(),
                ))
            }
            Err(e) => return Err(damaged(e)),
        }
    } else {
        Box::new(input)
    };

    let mut archive = tar::Archive::new(reader);
    let mut summary: Option<Summary> = None;
    let mut manifest: Option<Vec<Part>> = None;
    let mut seen: Vec<Part> = Vec::new();
    let mut names = std::collections::HashSet::new();
    let mut done = 0u64;
    let mut buf = vec![0u8; 256 << 10];
    let entries = archive.entries().map_err(damaged)?;
    for entry in entries {
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        let mut entry = entry.map_err(damaged)?;
        if manifest.is_some() {
            return Err(damaged("清单之后还有内容"));
        }
        // Only plain files, as this program writes them: a link, a device or
        // a sparse entry (which tar would expand to any size) is refused.
        if entry.header().entry_type() != tar::EntryType::Regular {
            return Err(not_ours(format!(
                "含有不是普通文件的条目（类型 {:?}）",
                entry.header().entry_type()
            )));
        }
        let name = String::from_utf8(entry.path_bytes().into_owned())
            .map_err(|_| not_ours("含有无法识别的文件名"))?;
        if !names.insert(name.clone()) {
            return Err(not_ours(format!("“{name}”出现了两次")));
        }
        let mut bytes = Vec::new();
        let mut out: Option<BufWriter<File>> = None;
        if name == SUMMARY_NAME || name == MANIFEST_NAME {
            (&mut entry)
                .take(MAX_META_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(damaged)?;
            if bytes.len() as u64 > MAX_META_BYTES {
                return Err(not_ours(format!("“{name}”大得不正常")));
            }
        } else {
            if summary.is_none() {
                return Err(damaged("开头缺少说明"));
            }
            let destination = match (&extract, name.as_str()) {
                (Extract::DatabaseTo(dir), DB_FILE) | (Extract::All(dir), DB_FILE) => {
                    Some(dir.join(DB_FILE))
                }
                // The stored form is relative, under 附件/, without `..`.
                (Extract::All(dir), other) if crate::files::is_stored_path(other) => {
                    Some(dir.join(other))
                }
                (Extract::DatabaseTo(_), other) if crate::files::is_stored_path(other) => None,
                (_, other) => return Err(not_ours(format!("含有不认识的内容 {other}"))),
            };
            if let Some(dest) = destination {
                if let Some(parent) = dest.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        Error::io(format!("无法建立文件夹 {}", parent.display()), e)
                    })?;
                }
                let f = File::create(&dest)
                    .map_err(|e| Error::io(format!("无法写入 {}", dest.display()), e))?;
                out = Some(BufWriter::with_capacity(1 << 20, f));
            }
        }
        if name == MANIFEST_NAME {
            #[derive(serde::Deserialize)]
            struct Manifest {
                parts: Vec<Part>,
            }
            let m: Manifest = serde_json::from_slice(&bytes)
                .map_err(|e| damaged(format!("清单无法读取：{e}")))?;
            manifest = Some(m.parts);
            continue;
        }
        let mut hasher = Sha256::new();
        let mut size = bytes.len() as u64;
        hasher.update(&bytes);
        if name != SUMMARY_NAME {
            loop {
                if cancel.load(Ordering::Relaxed) {
                    return Err(Error::Cancelled);
                }
                let n = entry.read(&mut buf).map_err(damaged)?;
                if n == 0 {
                    break;
                }
                hasher.update(&buf[..n]);
                size += n as u64;
                done += n as u64;
                // The parts cannot hold more than the file they came in.
                if done > total {
                    return Err(not_ours("内容比备份文件本身还大"));
                }
                if let Some(o) = out.as_mut() {
                    o.write_all(&buf[..n])
                        .map_err(|e| Error::io("无法写入临时文件".to_string(), e))?;
                }
                on_progress(Report {
                    stage: "正在核对",
                    done: done.min(total),
                    total,
                });
            }
        }
        if let Some(o) = out {
            let f = o
                .into_inner()
                .map_err(|e| Error::io("无法写入临时文件".to_string(), e.into_error()))?;
            f.sync_all()
                .map_err(|e| Error::io("无法写入临时文件".to_string(), e))?;
        }
        if name == SUMMARY_NAME {
            let s: Summary = serde_json::from_slice(&bytes)
                .map_err(|e| damaged(format!("说明无法读取：{e}")))?;
            if s.format > FORMAT {
                return Err(Error::BadBackup(format!(
                    "这个备份由更新版本的支部台账（{}）制作，本程序无法读取。请先升级支部台账",
                    s.app_version
                )));
            }
            summary = Some(s);
        }
        seen.push(Part {
            path: name,
            bytes: size,
            sha256: format!("{:x}", hasher.finalize()),
        });
    }
    let Some(manifest) = manifest else {
        return Err(damaged("缺少末尾的清单，文件没有写完"));
    };
    if seen.len() != manifest.len() {
        return Err(damaged(format!(
            "清单列出{}项，实际有{}项",
            manifest.len(),
            seen.len()
        )));
    }
    for (found, listed) in seen.iter().zip(&manifest) {
        if found != listed {
            return Err(damaged(format!("“{}”与清单不符", listed.path)));
        }
    }
    if !seen.iter().any(|p| p.path == DB_FILE) {
        return Err(damaged("缺少数据库"));
    }
    let summary = summary.ok_or_else(|| damaged("缺少说明"))?;
    Ok(Contents {
        summary,
        encrypted,
        parts: seen,
    })
}
