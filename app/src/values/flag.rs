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

#[cfg(feature = "ssr")]
mod sql {
    use super::Flag;
    use sqlx::any::{Any, AnyTypeInfo, AnyValueRef};
    use sqlx::encode::IsNull;
    use sqlx::error::BoxDynError;
    use sqlx::{Decode, Encode, Type};

    impl Type<Any> for Flag {
        fn type_info() -> AnyTypeInfo {
            <i64 as Type<Any>>::type_info()
        }
    }

    impl<'r> Decode<'r, Any> for Flag {
        fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
            Ok(Flag(<i64 as Decode<Any>>::decode(value)? != 0))
        }
    }

    impl<'q> Encode<'q, Any> for Flag {
        fn encode_by_ref(
            &self,
            buf: &mut <Any as sqlx::Database>::ArgumentBuffer<'q>,
        ) -> Result<IsNull, BoxDynError> {
            <i64 as Encode<Any>>::encode(i64::from(self.0), buf)
        }
    }
}
