//! Parameters and result rows shared by both engines. Values carry their type even when
//! NULL, because PostgreSQL refuses a text-typed NULL in a UUID column.

use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::{Result, StoreError};

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    /// A NULL read from SQLite, whose type is not known.
    #[default]
    Null,
    Uuid(Option<Uuid>),
    Int(Option<i64>),
    Float(Option<f64>),
    Text(Option<String>),
    Bool(Option<bool>),
    Bytes(Option<Vec<u8>>),
    Json(Option<serde_json::Value>),
}

/// Converts a Rust value into a statement parameter.
pub trait ToValue {
    fn to_value(&self) -> Value;
}

macro_rules! to_value {
    ($($t:ty => $variant:ident $(via $conv:expr)?),* $(,)?) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::$variant(Some(to_value!(@conv self $(, $conv)?)))
            }
        }
        impl ToValue for Option<$t> {
            fn to_value(&self) -> Value {
                Value::$variant(self.as_ref().map(|v| to_value!(@conv v $(, $conv)?)))
            }
        }
    )*};
    (@conv $v:expr) => { $v.clone() };
    (@conv $v:expr, $conv:expr) => { ($conv)($v) };
}

to_value!(
    Uuid => Uuid,
    i64 => Int,
    f64 => Float,
    String => Text,
    bool => Bool,
    Vec<u8> => Bytes,
    serde_json::Value => Json,
    i32 => Int via |v: &i32| i64::from(*v),
);

impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(Some(self.to_owned()))
    }
}

impl ToValue for Option<&str> {
    fn to_value(&self) -> Value {
        Value::Text(self.map(str::to_owned))
    }
}

impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Bytes(Some(self.to_vec()))
    }
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

/// A JSON document parameter (JSONB on PostgreSQL, TEXT on SQLite).
pub struct Json<T>(pub T);

impl<T: serde::Serialize> ToValue for Json<T> {
    fn to_value(&self) -> Value {
        Value::Json(Some(
            serde_json::to_value(&self.0).unwrap_or(serde_json::Value::Null),
        ))
    }
}

/// Builds a parameter list: `args![id, &name, Json(&tags)]`.
macro_rules! args {
    ($($v:expr),* $(,)?) => {
        &[$($crate::value::ToValue::to_value(&$v)),*][..]
    };
}

/// Converts sea-query's bound values (for the dynamic statements it builds).
pub fn from_sea(values: sea_query::Values) -> Vec<Value> {
    use sea_query::Value as S;
    values
        .into_iter()
        .map(|v| match v {
            S::Bool(b) => Value::Bool(b),
            S::TinyInt(i) => Value::Int(i.map(i64::from)),
            S::SmallInt(i) => Value::Int(i.map(i64::from)),
            S::Int(i) => Value::Int(i.map(i64::from)),
            S::BigInt(i) => Value::Int(i),
            S::TinyUnsigned(i) => Value::Int(i.map(i64::from)),
            S::SmallUnsigned(i) => Value::Int(i.map(i64::from)),
            S::Unsigned(i) => Value::Int(i.map(i64::from)),
            S::BigUnsigned(i) => Value::Int(i.map(|i| i64::try_from(i).unwrap_or(i64::MAX))),
            S::Float(f) => Value::Float(f.map(f64::from)),
            S::Double(f) => Value::Float(f),
            S::String(s) => Value::Text(s.map(|s| *s)),
            S::Char(c) => Value::Text(c.map(|c| c.to_string())),
            S::Bytes(b) => Value::Bytes(b.map(|b| *b)),
            S::Uuid(u) => Value::Uuid(u.map(|u| *u)),
            S::Json(j) => Value::Json(j.map(|j| *j)),
        })
        .collect()
}

/// One result row, decoded by position.
#[derive(Debug)]
pub struct Row(pub(crate) Vec<Value>);

fn wrong(i: usize, want: &str, got: &Value) -> StoreError {
    StoreError::Corrupt(format!("column {i}: expected {want}, found {got:?}"))
}

impl Row {
    fn take(&mut self, i: usize) -> Value {
        self.0.get_mut(i).map(std::mem::take).unwrap_or(Value::Null)
    }

    pub fn opt_uuid(&mut self, i: usize) -> Result<Option<Uuid>> {
        match self.take(i) {
            Value::Null | Value::Uuid(None) | Value::Bytes(None) => Ok(None),
            Value::Uuid(Some(u)) => Ok(Some(u)),
            Value::Bytes(Some(b)) => Uuid::from_slice(&b)
                .map(Some)
                .map_err(|e| StoreError::Corrupt(format!("column {i}: {e}"))),
            other => Err(wrong(i, "a UUID", &other)),
        }
    }

    pub fn uuid(&mut self, i: usize) -> Result<Uuid> {
        self.opt_uuid(i)?
            .ok_or_else(|| StoreError::Corrupt(format!("column {i}: unexpected NULL")))
    }

    pub fn opt_i64(&mut self, i: usize) -> Result<Option<i64>> {
        match self.take(i) {
            Value::Null | Value::Int(None) => Ok(None),
            Value::Int(Some(n)) => Ok(Some(n)),
            other => Err(wrong(i, "an integer", &other)),
        }
    }

    pub fn i64(&mut self, i: usize) -> Result<i64> {
        self.opt_i64(i)?
            .ok_or_else(|| StoreError::Corrupt(format!("column {i}: unexpected NULL")))
    }

    pub fn opt_text(&mut self, i: usize) -> Result<Option<String>> {
        match self.take(i) {
            Value::Null | Value::Text(None) => Ok(None),
            Value::Text(Some(s)) => Ok(Some(s)),
            other => Err(wrong(i, "text", &other)),
        }
    }

    pub fn text(&mut self, i: usize) -> Result<String> {
        self.opt_text(i)?
            .ok_or_else(|| StoreError::Corrupt(format!("column {i}: unexpected NULL")))
    }

    pub fn f64(&mut self, i: usize) -> Result<f64> {
        match self.take(i) {
            Value::Float(Some(f)) => Ok(f),
            Value::Int(Some(n)) => Ok(n as f64),
            other => Err(wrong(i, "a number", &other)),
        }
    }

    pub fn opt_bool(&mut self, i: usize) -> Result<Option<bool>> {
        match self.take(i) {
            Value::Null | Value::Bool(None) | Value::Int(None) => Ok(None),
            Value::Bool(Some(b)) => Ok(Some(b)),
            Value::Int(Some(n)) => Ok(Some(n != 0)),
            other => Err(wrong(i, "a boolean", &other)),
        }
    }

    pub fn bool(&mut self, i: usize) -> Result<bool> {
        match self.take(i) {
            Value::Bool(Some(b)) => Ok(b),
            Value::Int(Some(n)) => Ok(n != 0),
            other => Err(wrong(i, "a boolean", &other)),
        }
    }

    pub fn bytes(&mut self, i: usize) -> Result<Vec<u8>> {
        match self.take(i) {
            Value::Bytes(Some(b)) => Ok(b),
            other => Err(wrong(i, "bytes", &other)),
        }
    }

    /// A JSON document column that may be NULL.
    pub fn opt_json<T: DeserializeOwned>(&mut self, i: usize) -> Result<Option<T>> {
        match self.take(i) {
            Value::Null | Value::Json(None) | Value::Text(None) => Ok(None),
            Value::Json(Some(v)) => serde_json::from_value(v).map(Some),
            Value::Text(Some(s)) => serde_json::from_str(&s).map(Some),
            other => return Err(wrong(i, "a JSON document", &other)),
        }
        .map_err(|e| StoreError::Corrupt(format!("column {i}: {e}")))
    }

    /// A JSON document column (JSONB on PostgreSQL, TEXT on SQLite).
    pub fn json<T: DeserializeOwned>(&mut self, i: usize) -> Result<T> {
        let parsed = match self.take(i) {
            Value::Json(Some(v)) => serde_json::from_value(v),
            Value::Text(Some(s)) => serde_json::from_str(&s),
            other => return Err(wrong(i, "a JSON document", &other)),
        };
        parsed.map_err(|e| StoreError::Corrupt(format!("column {i}: {e}")))
    }
}
