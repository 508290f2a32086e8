//! Enums stored and sent as lowercase text (`'pending'`, `"published"`):
//! one definition gives the names, parsing, serde and the sqlx encoding, so
//! no status travels as a free string between the database and the pages.

/// Defines `pub enum $name { $Variant = "text", … }` with `ALL`, `as_str`,
/// `parse` (None for any other text), `Display`, and `text_value!`: serde
/// as the text and (with `ssr`) sqlx encode/decode for the `Any` driver.
#[macro_export]
macro_rules! text_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The value a stored or submitted text names; None for any other.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        $crate::text_value!($name);
    };
}

/// Serde, and (with `ssr`) the sqlx column, of a value that is text
/// wherever it leaves the program: written as its `Display`, read back with
/// its `parse(&str) -> Option<Self>`, which refuses anything malformed.
#[macro_export]
macro_rules! text_value {
    ($name:ident) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| {
                    serde::de::Error::custom(format!(concat!("not a ", stringify!($name), ": {:?}"), s))
                })
            }
        }

        $crate::any_column!($name, String,
            decode: |s| {
                $name::parse(&s).ok_or_else(|| {
                    format!(concat!("not a stored ", stringify!($name), ": {:?}"), s).into()
                })
            },
            encode: |v| v.to_string());
    };
}

/// sqlx encoding for the `Any` driver of a value stored as `$via` (a
/// column type both databases have): `decode` checks what was read,
/// `encode` gives what is written. Only in the server build.
#[cfg(feature = "ssr")]
#[macro_export]
macro_rules! any_column {
    ($ty:ty, $via:ty, decode: $decode:expr, encode: $encode:expr) => {
        impl sqlx::Type<sqlx::Any> for $ty {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <$via as sqlx::Type<sqlx::Any>>::type_info()
            }
        }

        impl<'r> sqlx::Decode<'r, sqlx::Any> for $ty {
            fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let read: fn($via) -> Result<$ty, sqlx::error::BoxDynError> = $decode;
                read(<$via as sqlx::Decode<sqlx::Any>>::decode(value)?)
            }
        }

        impl<'q> sqlx::Encode<'q, sqlx::Any> for $ty {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                let write: fn(&$ty) -> $via = $encode;
                <$via as sqlx::Encode<sqlx::Any>>::encode(write(self), buf)
            }
        }
    };
}

#[cfg(not(feature = "ssr"))]
#[macro_export]
macro_rules! any_column {
    ($($t:tt)*) => {};
}
