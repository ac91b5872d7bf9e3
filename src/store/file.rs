//! Reading and writing the state file: a small header and state, then one raw JSON section per
//! kind; untouched sections and objects are written back byte for byte.

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
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::msg(format!("cannot read the store {}: {e}", path.display()))),
    };
    if text.trim().is_empty() {
        return Err(corrupt(path, "the file is empty"));
    }
    // The file's text lives for the whole process: sections and objects borrow from it and are
    // decoded only when a command needs them (one command per process, so nothing is lost).
    let text: &'static str = Box::leak(text.into_boxed_str());
    let file: FileIn = serde_json::from_str(text).map_err(|e| corrupt(path, e))?;
    if file.schema_version > SCHEMA_VERSION {
        return Err(Error::msg(format!(
            "the store {} was written by a newer kubesim (schema version {}; this kubesim reads up to {SCHEMA_VERSION}): upgrade kubesim",
            path.display(),
            file.schema_version
        )));
    }
    let state: State = serde_json::from_str(file.state.get()).map_err(|e| corrupt(path, format!("state: {e}")))?;
    let by_resource: BTreeMap<String, Kind> = Kind::all().map(|k| (k.resource(), k)).collect();
    let mut sections = BTreeMap::new();
    for (name, raw) in file.objects {
        let kind = by_resource
            .get(&name)
            .ok_or_else(|| corrupt(path, format!("unknown section {name:?}")))?;
        sections.insert(*kind, Section::from_raw(raw));
    }
    Ok(Some(World::from_sections(state, sections)))
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

fn write_world(world: &World, w: &mut impl Write) -> std::io::Result<()> {
    write!(
        w,
        "{{\"kubesim\":\"cluster\",\"schemaVersion\":{SCHEMA_VERSION},\"state\":"
    )?;
    serde_json::to_writer(&mut *w, &world.state)?;
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
        serde_json::to_writer(&mut *w, &kind.resource())?;
        w.write_all(b":")?;
        if let Some(raw) = raw {
            w.write_all(raw.get().as_bytes())?;
            continue;
        }
        w.write_all(b"{")?;
        for (i, (key, entry)) in section.iter_for_save(&dummy).enumerate() {
            if i > 0 {
                w.write_all(b",")?;
            }
            serde_json::to_writer(&mut *w, &key.encode())?;
            w.write_all(b":")?;
            match (entry.raw(), entry.decoded()) {
                (Some(raw), _) => w.write_all(raw.get().as_bytes())?,
                (None, Some(obj)) => w.write_all(obj.to_json().as_bytes())?,
                (None, None) => w.write_all(b"null")?,
            }
        }
        w.write_all(b"}")?;
    }
    w.write_all(b"}}\n")
}
