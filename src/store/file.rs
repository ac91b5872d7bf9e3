//! Reading and writing the state file: one JSON document with the state, one raw section per kind,
//! and a trailing `index` of each section's byte range, so a command maps the file and parses only
//! the sections it touches; untouched sections and objects are written back byte for byte.

use crate::api::{Error, Kind};
use crate::world::{Section, State, World};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// The layout version this kubesim writes; older ones are migrated, newer ones refused.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FileIn {
    schema_version: u32,
    #[serde(borrow)]
    state: &'static RawValue,
    #[serde(default, borrow)]
    objects: BTreeMap<String, &'static RawValue>,
}

fn corrupt(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::msg(format!(
        "the store {} is corrupt: {e} (it was left untouched)",
        path.display()
    ))
}

/// Loads the store at `path`, or `None` if there is no such file.
pub fn load(path: &Path) -> Result<Option<World>, Error> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::msg(format!("cannot read the store {}: {e}", path.display()))),
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len == 0 {
        return Err(corrupt(path, "the file is empty"));
    }
    // SAFETY: the store is never modified in place: saves write a new file and rename it over the
    // path (under the lock), so the mapped inode stays unchanged while this process runs. The map
    // lives for the whole process (one command per process): sections borrow from it and are
    // parsed only when a command needs them.
    let map = unsafe { memmap2::Mmap::map(&file) }
        .map_err(|e| Error::msg(format!("cannot read the store {}: {e}", path.display())))?;
    let bytes: &'static [u8] = Box::leak(Box::new(map));
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(corrupt(path, "the file is empty"));
    }
    // Pod digests are derived data: trusted only from an intact index (a store this kubesim wrote).
    let (state, mut raw_sections) = match indexed(bytes) {
        Some(parts) => parts,
        None => full_parse(path, bytes)?,
    };
    let digests = raw_sections.remove(&digests_key());
    let chunk_prefix = format!("{}#", digests_key());
    let mut chunks: Vec<(usize, &'static [u8])> = raw_sections
        .iter()
        .filter_map(|(name, raw)| Some((name.strip_prefix(&chunk_prefix)?.parse().ok()?, *raw)))
        .collect();
    chunks.sort_unstable_by_key(|(i, _)| *i);
    let chunks: Vec<&'static [u8]> = chunks.into_iter().map(|(_, c)| c).collect();
    // Other derived data (digests of another layout, say) is dropped: the next save rewrites it.
    raw_sections.retain(|name, _| !name.starts_with('$'));
    let state: State = serde_json::from_slice(state).map_err(|e| corrupt(path, format!("state: {e}")))?;
    let by_resource: BTreeMap<String, Kind> = Kind::all().map(|k| (k.resource(), k)).collect();
    let mut sections = BTreeMap::new();
    for (name, raw) in raw_sections {
        let kind = by_resource
            .get(&name)
            .ok_or_else(|| corrupt(path, format!("unknown section {name:?}")))?;
        let section = Section::from_raw(raw);
        let section = match digests {
            Some(d) if *kind == Kind::Pod => section.with_digests(d, chunks.clone()),
            _ => section,
        };
        sections.insert(*kind, section);
    }
    Ok(Some(World::from_sections(state, sections)))
}

type Parts = (&'static [u8], BTreeMap<String, &'static [u8]>);

/// The fast path: the header's schema version and the trailing index's byte ranges, without
/// reading the sections. None when the file has no usable index (then it is fully parsed).
fn indexed(bytes: &'static [u8]) -> Option<Parts> {
    const HEAD: &[u8] = b"{\"kubesim\":\"cluster\",\"schemaVersion\":";
    let rest = bytes.strip_prefix(HEAD)?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let version: u32 = std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()?;
    if version != SCHEMA_VERSION {
        return None;
    }
    let tail_start = bytes.len().saturating_sub(1 << 16);
    let tail = &bytes[tail_start..];
    let at = tail.windows(INDEX_KEY.len()).rposition(|w| w == INDEX_KEY)?;
    let index_text = std::str::from_utf8(&tail[at + INDEX_KEY.len()..]).ok()?;
    let index_text = index_text.trim_end().strip_suffix('}')?;
    let index: BTreeMap<String, (usize, usize)> = serde_json::from_str(index_text).ok()?;
    // Each range must frame an object right after its key: a hand edit that moves any section
    // fails this and the file is parsed whole (one that keeps every byte offset is not noticed).
    let slice = |(start, len): (usize, usize)| {
        let s = bytes.get(start..start.checked_add(len)?)?;
        let framed =
            bytes.get(start.checked_sub(1)?) == Some(&b':') && s.first() == Some(&b'{') && s.last() == Some(&b'}');
        framed.then_some(s)
    };
    // A chunk of a section (`name#i`) frames whole entries: `"key":{...}` up to before a comma.
    let chunk = |(start, len): (usize, usize)| {
        let s = bytes.get(start..start.checked_add(len)?)?;
        let framed = matches!(bytes.get(start.checked_sub(1)?), Some(b'{' | b','))
            && s.first() == Some(&b'"')
            && s.last() == Some(&b'}');
        framed.then_some(s)
    };
    let state = slice(*index.get(STATE_KEY)?)?;
    let mut sections = BTreeMap::new();
    for (name, range) in index {
        if name.contains('#') {
            sections.insert(name, chunk(range)?);
        } else if name != STATE_KEY {
            sections.insert(name, slice(range)?);
        }
    }
    Some((state, sections))
}

/// The slow path, for stores without an index (or with a damaged one): parse everything, which
/// also reports the position of any damage.
fn full_parse(path: &Path, bytes: &'static [u8]) -> Result<Parts, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| corrupt(path, e))?;
    let file: FileIn = serde_json::from_str(text).map_err(|e| corrupt(path, e))?;
    if file.schema_version > SCHEMA_VERSION {
        return Err(Error::msg(format!(
            "the store {} was written by a newer kubesim (schema version {}; this kubesim reads up to {SCHEMA_VERSION}): upgrade kubesim",
            path.display(),
            file.schema_version
        )));
    }
    let sections = file.objects.into_iter().map(|(k, v)| (k, v.get().as_bytes())).collect();
    Ok((file.state.get().as_bytes(), sections))
}

const INDEX_KEY: &[u8] = b",\"index\":";
const STATE_KEY: &str = "$state";
/// The index's name for the pods' digests (the top-level `podDigests`), with their layout version.
fn digests_key() -> String {
    format!("$podDigests.v{}", crate::api::POD_DIGEST_VERSION)
}

/// Writes the world atomically: temp file in the same directory, fsync, rename, fsync the dir.
pub fn save(world: &World, path: &Path) -> Result<(), Error> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |e: std::io::Error| Error::msg(format!("cannot write the store {}: {e}", path.display()));
    let tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, tmp.as_file());
        write_world(world, &mut w).map_err(io)?;
        w.flush().map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Counts what it writes, so the index can record byte ranges.
struct Counting<W> {
    inner: W,
    written: usize,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn write_world(world: &World, w: &mut impl Write) -> std::io::Result<()> {
    let mut w = Counting { inner: w, written: 0 };
    let mut index: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    write!(
        w,
        "{{\"kubesim\":\"cluster\",\"schemaVersion\":{SCHEMA_VERSION},\"state\":"
    )?;
    let start = w.written;
    serde_json::to_writer(&mut w, &world.state)?;
    index.insert(STATE_KEY.into(), (start, w.written - start));
    w.write_all(b",\"objects\":{")?;
    let mut first = true;
    let dummy = std::cell::RefCell::new(None);
    for (kind, section) in world.sections() {
        let raw = section.raw_if_untouched();
        if raw.is_none() && section.iter_for_save(&dummy).next().is_none() {
            continue;
        }
        if !first {
            w.write_all(b",")?;
        }
        first = false;
        serde_json::to_writer(&mut w, &kind.resource())?;
        w.write_all(b":")?;
        let start = w.written;
        if let Some(raw) = raw {
            w.write_all(raw)?;
        } else {
            w.write_all(b"{")?;
            for (i, (key, entry)) in section.iter_for_save(&dummy).enumerate() {
                if i > 0 {
                    w.write_all(b",")?;
                }
                serde_json::to_writer(&mut w, &key.encode())?;
                w.write_all(b":")?;
                match (entry.raw(), entry.decoded()) {
                    (Some(raw), _) => w.write_all(raw.get().as_bytes())?,
                    (None, Some(obj)) => w.write_all(obj.to_json().as_bytes())?,
                    (None, None) => w.write_all(b"null")?,
                }
            }
            w.write_all(b"}")?;
        }
        index.insert(kind.resource(), (start, w.written - start));
    }
    w.write_all(b"}")?;
    if let Some(pods) = world.sections().get(&Kind::Pod) {
        w.write_all(b",\"podDigests\":")?;
        let start = w.written;
        let chunks = write_digests(pods, &mut w)?;
        index.insert(digests_key(), (start, w.written - start));
        for (i, range) in chunks.into_iter().enumerate() {
            index.insert(format!("{}#{i}", digests_key()), range);
        }
    }
    w.write_all(INDEX_KEY)?;
    serde_json::to_writer(&mut w, &index)?;
    w.write_all(b"}\n")
}

/// How many bytes of digests make a chunk that a listing may decode on its own core.
const DIGEST_CHUNK: usize = 512 << 10;

/// Each pod's digest (`pod_digest`), by key: the loaded ones reused, the others derived from the
/// pod's JSON. Returns the byte ranges of its chunks (whole entries, about `DIGEST_CHUNK` each).
fn write_digests<W: Write>(pods: &Section, w: &mut Counting<W>) -> std::io::Result<Vec<(usize, usize)>> {
    let corrupt = std::cell::RefCell::new(None);
    if let Some((raw, chunks)) = pods.digests_if_untouched() {
        let start = w.written;
        w.write_all(raw)?;
        let base = raw.as_ptr() as usize;
        return Ok(chunks
            .iter()
            .map(|c| (start + (c.as_ptr() as usize - base), c.len()))
            .collect());
    }
    let mut chunks = Vec::new();
    let mut chunk_start = None;
    w.write_all(b"{")?;
    for (i, (key, entry)) in pods.iter_for_save(&corrupt).enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        let entry_start = w.written;
        let start = *chunk_start.get_or_insert(entry_start);
        if entry_start - start >= DIGEST_CHUNK {
            chunks.push((start, entry_start - 1 - start));
            chunk_start = Some(entry_start);
        }
        serde_json::to_writer(&mut *w, &key.encode())?;
        w.write_all(b":")?;
        let stored = entry.raw().and_then(|_| pods.digest(key, &corrupt));
        match (stored, entry.raw(), entry.decoded()) {
            (Some(d), _, _) => w.write_all(d.get().as_bytes())?,
            (None, Some(raw), _) => write_digest(raw.get(), w)?,
            (None, None, Some(obj)) => write_digest(&obj.to_json(), w)?,
            (None, None, None) => w.write_all(b"null")?,
        }
    }
    if let Some(start) = chunk_start {
        chunks.push((start, w.written - start));
    }
    w.write_all(b"}")?;
    Ok(chunks)
}

fn write_digest(pod: &str, w: &mut impl Write) -> std::io::Result<()> {
    let d = crate::api::pod_digest(pod).map_err(|e| std::io::Error::other(e.to_string()))?;
    w.write_all(d.as_bytes())
}
