//! The module layers hold: no top-level module of the app (a domain, the
//! HTTP kit, the data layer, the pages, the app itself) reaches, directly or
//! through others, back into one that uses it. Read from the source, so a new
//! `use crate::…` that closes a loop fails here with the loop named.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The app's top-level modules: every folder and file beside `lib.rs`
/// (domains, the HTTP kit, forms, values, the data layer, pages, the app).
fn modules(root: &Path) -> BTreeSet<String> {
    std::fs::read_dir(root)
        .expect("read app/src")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .map(|n| n.trim_end_matches(".rs").to_string())
        .filter(|n| n != "lib")
        .collect()
}

/// The top-level module a source file belongs to (`events/draft/mod.rs` →
/// `events`, `search.rs` → `search`).
fn module_of(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .unwrap_or_default();
    first.trim_end_matches(".rs").to_string()
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read app/src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// module → (module it names → a file that names it), from `crate::name`
/// paths outside unit tests.
fn imports(root: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let modules = modules(root);
    let mut files = Vec::new();
    sources(root, &mut files);
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(root).expect("under root");
        if rel.ends_with("tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read source");
        let code = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or("");
        let from = module_of(rel);
        for (i, _) in code.match_indices("crate::") {
            let name: String = code[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if name != from && modules.contains(&name) {
                graph
                    .entry(from.clone())
                    .or_default()
                    .entry(name)
                    .or_insert_with(|| rel.display().to_string());
            }
        }
    }
    graph
}

/// A path of modules from `from` to `to`, if the graph has one.
fn path(
    graph: &BTreeMap<String, BTreeMap<String, String>>,
    from: &str,
    to: &str,
) -> Option<Vec<String>> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![vec![from.to_string()]];
    while let Some(p) = stack.pop() {
        let last = p.last().cloned().unwrap_or_default();
        if last == to {
            return Some(p);
        }
        if !seen.insert(last.clone()) {
            continue;
        }
        for next in graph.get(&last).into_iter().flat_map(|m| m.keys()) {
            let mut longer = p.clone();
            longer.push(next.clone());
            stack.push(longer);
        }
    }
    None
}

fn loops(graph: &BTreeMap<String, BTreeMap<String, String>>) -> Vec<String> {
    let mut found = Vec::new();
    for (from, targets) in graph {
        for (to, file) in targets {
            if let Some(back) = path(graph, to, from) {
                found.push(format!("{from} -> {} (in {file})", back.join(" -> ")));
            }
        }
    }
    found
}

#[test]
fn domain_modules_import_each_other_without_loops() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src");
    let graph = imports(&root);
    assert!(
        graph.get("moderation").is_some_and(|m| m.contains_key("listing")),
        "the reading of imports finds nothing: {graph:?}"
    );
    let found = loops(&graph);
    assert!(found.is_empty(), "import loops: {found:#?}");
    // The router and the page shell are called, never called back: only
    // the binary that builds the router names them.
    let callers: Vec<_> = graph
        .iter()
        .filter(|(_, to)| to.contains_key("app"))
        .map(|(from, to)| format!("{from} (in {})", to["app"]))
        .collect();
    assert!(callers.is_empty(), "modules that call up into `app`: {callers:?}");
    // Moderation sees the listing core (and `kinds`, which turns a stored
    // kind into its type), never a kind's own module.
    for kind in ["places", "events", "volunteering", "groups", "stories"] {
        let named = graph.get("moderation").and_then(|to| to.get(kind));
        assert!(named.is_none(), "moderation names `{kind}` in {named:?}");
    }
    for low in ["values", "db", "http", "forms"] {
        assert!(
            graph.get(low).is_none_or(|to| !to.contains_key("pages")),
            "{low} reaches the pages"
        );
    }
}

#[test]
fn a_loop_is_found_and_named() {
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    graph.entry("places".into()).or_default().insert("listing".into(), "places/listing.rs".into());
    graph.entry("listing".into()).or_default().insert("kinds".into(), "listing/mod.rs".into());
    assert!(loops(&graph).is_empty());
    graph.entry("kinds".into()).or_default().insert("places".into(), "kinds/mod.rs".into());
    let found = loops(&graph);
    assert!(
        found.iter().any(|l| l.starts_with("places -> listing -> kinds -> places")),
        "{found:?}"
    );
}
