//! Enumerations whose values are the Chinese terms of the rules themselves.
//! The same label is the database value, the JSON value and the text on
//! screen, so there is one mapping to keep right, not three.

/// Declares an enum whose variants serialise as the given Chinese labels,
/// with `label()`, `parse()` and `ALL`.
macro_rules! label_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $label:literal),+ $(,)? }
        what: $what:literal
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        $vis enum $name {
            $($(#[$vmeta])* #[serde(rename = $label)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Parses a label as a clerk would type it (surrounding spaces ignored).
            pub fn parse(text: &str) -> $crate::error::Result<$name> {
                let t = text.trim();
                $(if t == $label { return Ok($name::$variant); })+
                let choices: Vec<&str> = vec![$($label),+];
                Err($crate::error::Error::Validation(format!(
                    "{}“{}”无法识别，请从以下选项中选择：{}",
                    $what, t, choices.join("、")
                )))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.label()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::parse(text).map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }
    };
}

pub(crate) use label_enum;
