//! The core's module graph has no circles (issue 19): no two areas (`store`,
//! `backup`, `members`, `org`, `dues` …) use each other, directly or round
//! about, and within an area no two sibling modules do. A parent module and
//! its own children may refer to each other (the children share the
//! parent's types; the parent is their front door). Read from the source,
//! so a new `use` that closes a circle fails here with the circle named.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every module of the crate by path ("dues::ledger") with its source up to
/// its tests.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files
        .into_iter()
        .filter_map(|file| {
            let rel = file.strip_prefix(&src).ok()?.with_extension("");
            let parts: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .filter(|p| p != "mod" && p != "lib")
                .collect();
            let text = std::fs::read_to_string(&file).ok()?;
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            Some((parts.join("::"), code))
        })
        .collect()
}

/// The modules `code` (of module `me`) refers to through `crate::…` and
/// `super::…` paths, each resolved to the longest module path it names.
fn uses(me: &str, code: &str, all: &BTreeMap<String, String>) -> BTreeSet<String> {
    // `super` of "dues::ledger" is "dues"; of "dues" (its mod.rs), the root.
    let mut parent: Vec<&str> = me.split("::").filter(|p| !p.is_empty()).collect();
    parent.pop();
    let mut out = BTreeSet::new();
    for (prefix, base) in [("crate::", Vec::new()), ("super::", parent)] {
        for (i, _) in code.match_indices(prefix) {
            let before = code[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &code[i + prefix.len()..];
            let mut path: Vec<String> = base.iter().map(|s| s.to_string()).collect();
            for seg in rest.split("::") {
                let name: String = seg
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name.is_empty() {
                    break;
                }
                let candidate = [path.clone(), vec![name.clone()]].concat().join("::");
                if all.contains_key(&candidate) {
                    path.push(name);
                } else {
                    break;
                }
            }
            let target = path.join("::");
            if !target.is_empty() && target != me {
                out.insert(target);
            }
        }
    }
    out
}

fn area(m: &str) -> &str {
    m.split("::").next().unwrap_or(m)
}

/// For two modules of one area neither of which holds the other, the two
/// siblings under their deepest common parent that hold them: a use of
/// `meetings::details` from `meetings::storage::attendance` is, for circles,
/// a use of `details` by `storage`.
fn as_siblings(a: &str, b: &str) -> Option<(String, String)> {
    let (pa, pb): (Vec<&str>, Vec<&str>) = (a.split("::").collect(), b.split("::").collect());
    let common = pa.iter().zip(&pb).take_while(|(x, y)| x == y).count();
    if common == 0 || common >= pa.len() || common >= pb.len() {
        return None;
    }
    Some((pa[..=common].join("::"), pb[..=common].join("::")))
}

/// A circle in `edges`, if there is one, as the path round it.
fn circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == n) {
            let mut c = stack[at..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for next in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, edges, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_core_has_no_circles_between_areas_or_sibling_modules() {
    let all = modules();
    let mut areas: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut siblings: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (me, code) in &all {
        for target in uses(me, code, &all) {
            if area(me) != area(&target) {
                areas
                    .entry(area(me).to_string())
                    .or_default()
                    .insert(area(&target).to_string());
            } else if let Some((from, to)) = as_siblings(me, &target) {
                siblings.entry(from).or_default().insert(to);
            }
        }
    }
    assert!(areas.len() > 10, "the graph was read: {areas:?}");
    assert_eq!(circle(&areas), None, "areas that use each other");
    assert_eq!(
        circle(&siblings),
        None,
        "sibling modules that use each other"
    );
}

/// The storage seam (issue 19): SQL is run only by an area's `storage`
/// modules, by the store itself (opening, migrations) and by `settings`
/// (the `app_settings` table's own module). A use case that runs a query
/// fails here with its module named.
#[test]
fn only_storage_modules_run_sql() {
    const CALLS: [&str; 6] = [
        ".execute(",
        ".execute_batch(",
        ".query_row(",
        ".query_map(",
        ".prepare(",
        ".prepare_cached(",
    ];
    let all = modules();
    let allowed = |m: &str| {
        m.split("::").any(|p| p == "storage")
            || m == "store"
            || m.starts_with("store::")
            || m == "settings"
    };
    let offenders: Vec<(&String, &str)> = all
        .iter()
        .filter(|(m, _)| !allowed(m))
        .filter_map(|(m, code)| CALLS.iter().find(|c| code.contains(**c)).map(|c| (m, *c)))
        .collect();
    assert!(
        all.keys().filter(|m| allowed(m)).count() > 10,
        "the storage modules were read"
    );
    assert_eq!(
        offenders,
        Vec::<(&String, &str)>::new(),
        "SQL outside storage"
    );
}
