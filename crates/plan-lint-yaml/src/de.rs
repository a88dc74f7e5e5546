//! Typed values straight from the span tree: a serde deserializer over a
//! [`Node`] that gives every type what deserializing the node's JSON view
//! ([`Node::to_json`]) would give it, without making that view.
//!
//! The plan's catalog files are read this way when the typed schema check
//! (plan-lint's `load::fast_schema::catalog_valid`) has found them valid; anything it
//! cannot read goes the JSON way, whose errors are the ones shown, so its
//! own errors are never seen by a user. `tests/it/fast_schema.rs` proves both
//! ways give the same catalog on every catalog file of the repository, on
//! generated synthetic plans and on mutations of them.

use super::{format_number, Node, NodeKind};
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use std::fmt;

/// Why the tree does not deserialize into the asked type.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// `T` from the tree, taking it apart (strings are moved, not copied).
pub fn from_node<T: DeserializeOwned>(node: Node) -> Result<T, Error> {
    T::deserialize(node)
}

impl<'de> de::Deserializer<'de> for Node {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.kind {
            NodeKind::Null => visitor.visit_unit(),
            NodeKind::Bool(b) => visitor.visit_bool(b),
            // As the JSON view: an integer as i64 (non-negative ones as u64,
            // as serde_json stores them), other finite numbers as f64, the
            // non-finite as the text the view makes of them.
            NodeKind::Number { value, integer } => {
                if integer && value.fract() == 0.0 && value.abs() < 9.0e15 {
                    let v = value as i64;
                    if v >= 0 {
                        visitor.visit_u64(v as u64)
                    } else {
                        visitor.visit_i64(v)
                    }
                } else if value.is_finite() {
                    visitor.visit_f64(value)
                } else {
                    visitor.visit_string(format_number(value, false))
                }
            }
            NodeKind::Str(s) => visitor.visit_string(s),
            NodeKind::Seq(items) => {
                let mut seq = Items(items.into_iter());
                let value = visitor.visit_seq(&mut seq)?;
                match seq.0.len() {
                    0 => Ok(value),
                    more => Err(de::Error::custom(format!("{more} items too many"))),
                }
            }
            NodeKind::Map(entries) => {
                let mut map = Entries {
                    entries: entries.into_iter(),
                    value: None,
                };
                let value = visitor.visit_map(&mut map)?;
                match map.entries.len() {
                    0 => Ok(value),
                    more => Err(de::Error::custom(format!("{more} entries too many"))),
                }
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.kind {
            NodeKind::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// Unit variants only, written as their name (the catalog's enums);
    /// anything else is left to the JSON way.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.kind {
            NodeKind::Str(s) => visitor.visit_enum(s.into_deserializer()),
            _ => Err(de::Error::custom("an enum written other than as a name")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// A sequence's items, handed out one by one.
struct Items(std::vec::IntoIter<Node>);

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|n| seed.deserialize(n)).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// A mapping's entries: each key as the JSON view writes it (its text),
/// then its value.
struct Entries {
    entries: std::vec::IntoIter<(Node, Node)>,
    value: Option<Node>,
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((k, v)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(v);
        let key = match k.kind {
            NodeKind::Str(s) => s,
            _ => k.key_text(),
        };
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(v) => seed.deserialize(v),
            None => Err(de::Error::custom("a value asked for before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        count: u32,
        share: f64,
        name: String,
        missing: Option<i32>,
        pair: [Option<f64>; 2],
        kind: Kind,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Level,
        AnnualRate,
    }

    fn both<T: DeserializeOwned + fmt::Debug>(text: &str) -> (String, String) {
        let node = crate::load(text, 0, crate::Limits::default()).unwrap();
        let json = node.to_json();
        let by_tree = from_node::<T>(node).map_err(|e| e.to_string());
        let by_json = serde_json::from_value::<T>(json).map_err(|e| e.to_string());
        (
            format!("{:?}", by_tree.as_ref().ok()),
            format!("{:?}", by_json.as_ref().ok()),
        )
    }

    #[test]
    fn gives_what_the_json_view_gives() {
        for text in [
            "count: 3\nshare: 2\nname: a\nmissing: null\npair: [1, ~]\nkind: annual_rate\n",
            "count: 3\nshare: 2.5\nname: 'b'\nmissing: -4\npair: [.inf, 1.5]\nkind: level\ntags: [x, y]\n",
            // Each of these fails both ways.
            "count: -3\nshare: 2\nname: a\nmissing: null\npair: [1, 2]\nkind: level\n",
            "count: 3.5\nshare: 2\nname: a\nmissing: null\npair: [1, 2]\nkind: level\n",
            "count: 3\nshare: 2\nname: 7\nmissing: null\npair: [1, 2]\nkind: level\n",
            "count: 3\nshare: 2\nname: a\nmissing: null\npair: [1, 2, 3]\nkind: level\n",
            "count: 3\nshare: 2\nname: a\nmissing: null\npair: [1]\nkind: level\n",
            "count: 3\nshare: 2\nname: a\nmissing: null\npair: [1, 2]\nkind: other\n",
            "count: 3\nshare: 2\nname: a\nmissing: null\npair: [1, 2]\nkind: {level: 1}\n",
            "count: 3\nshare: 2\nname: a\nmissing: null\npair: [1, 2]\nkind: level\nextra: 1\n",
            "count: 3\nshare: true\nname: a\nmissing: null\npair: [1, 2]\nkind: level\n",
            "count: 3\nname: a\nmissing: null\npair: [1, 2]\nkind: level\n",
            "[1, 2]\n",
        ] {
            let (tree, json) = both::<Sample>(text);
            assert_eq!(tree, json, "{text}");
        }
        let (tree, _) = both::<Sample>(
            "count: 3\nshare: 2\nname: a\nmissing: null\npair: [1, ~]\nkind: annual_rate\n",
        );
        assert_ne!(tree, "None", "the first case deserializes");
    }
}
