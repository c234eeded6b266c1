//! Small key/value settings kept in the database, so that every program
//! opening the same data directory agrees on them.

use rusqlite::{params, Connection, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, Result};

/// The branch the UI last worked on.
pub const CURRENT_ORG: &str = "current_org_id";

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM app_settings WHERE key = ?1",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO app_settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// A setting kept as JSON (an area's settings: `dues_settings/7` …), or
/// its default while none was saved.
pub fn get_json<T: DeserializeOwned + Default>(conn: &Connection, key: &str) -> Result<T> {
    match get(conn, key)? {
        Some(json) => Ok(serde_json::from_str(&json)?),
        None => Ok(T::default()),
    }
}

pub fn set_json<T: Serialize>(conn: &Connection, key: &str, value: &T) -> Result<()> {
    set(conn, key, &serde_json::to_string(value)?)
}

/// Forgets what was kept for one organisation: its areas' settings
/// (`dues_settings/7`, `development_settings/7` — every per-branch key is
/// named `<area>_settings/<id>`) and, if it was the one last worked on, that.
/// Ids of removed rows can be given out again, and a new branch must not
/// inherit a removed one's choices.
pub fn forget_org(conn: &Connection, org: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM app_settings WHERE key GLOB '*_settings/' || ?1
         OR (key = ?2 AND value = CAST(?1 AS TEXT))",
        params![org, CURRENT_ORG],
    )?;
    Ok(())
}

/// A choice the window remembers (which roster columns are shown …), kept
/// with the data so it moves with a backup or a USB stick: `name` is the
/// screen's own key, the values a short list of the screen's own words.
pub fn ui_choice(conn: &Connection, name: &str) -> Result<Option<Vec<String>>> {
    let key = ui_key(name)?;
    Ok(get(conn, &key)?.and_then(|json| serde_json::from_str(&json).ok()))
}

pub fn set_ui_choice(conn: &Connection, name: &str, values: &[String]) -> Result<()> {
    let key = ui_key(name)?;
    if values.len() > 64 || values.iter().any(|v| v.chars().count() > 40) {
        return Err(Error::Validation("要记住的选择太多或太长".into()));
    }
    set(conn, &key, &serde_json::to_string(values)?)
}

/// Names are the program's own ("roster.columns"): short, lower-case ASCII.
fn ui_key(name: &str) -> Result<String> {
    let ok = (1..=40).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
    if !ok {
        return Err(Error::Validation(format!(
            "“{}”不是界面设置的名称",
            crate::text::prefix(name, 40)
        )));
    }
    Ok(format!("ui/{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_choice_comes_back_and_bad_names_or_lists_are_refused() {
        let store = crate::store::Store::open_in_memory().expect("store");
        let conn = store.conn();
        assert_eq!(ui_choice(conn, "roster.columns").expect("read"), None);
        let shown = vec!["name".to_string(), "phone".to_string()];
        set_ui_choice(conn, "roster.columns", &shown).expect("save");
        assert_eq!(
            ui_choice(conn, "roster.columns").expect("read"),
            Some(shown)
        );
        for bad in ["", "Roster", "../x", "花名册", &"a".repeat(41)] {
            assert!(set_ui_choice(conn, bad, &[]).is_err(), "{bad:?}");
        }
        let long = vec!["列".repeat(41)];
        assert!(set_ui_choice(conn, "roster.columns", &long).is_err());
        let many = vec!["x".to_string(); 65];
        assert!(set_ui_choice(conn, "roster.columns", &many).is_err());
    }
}
