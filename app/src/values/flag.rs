//! Yes/no columns. Both databases keep them as 0/1 integers (one schema
//! for SQLite and PostgreSQL); rows read them into `bool` with
//! `#[sqlx(try_from = "Flag")]`, so no reader compares with 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

impl From<Flag> for bool {
    fn from(f: Flag) -> bool {
        f.0
    }
}

impl From<bool> for Flag {
    fn from(b: bool) -> Flag {
        Flag(b)
    }
}

crate::any_column!(Flag, i64,
    decode: |n| Ok(Flag(n != 0)),
    encode: |f| i64::from(f.0));
