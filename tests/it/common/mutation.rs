//! Mutations of a file for property tests: bytes flipped, cut short, lines
//! duplicated, deleted, swapped or re-indented, keys renamed, tokens inserted.

use proptest::prelude::*;
use proptest::sample::Index;

#[derive(Clone, Debug)]
pub enum Mutation {
    Flip(Index, u8),
    Truncate(Index),
    DuplicateLine(Index),
    DeleteLine(Index),
    SwapLines(Index, Index),
    Indent(Index, usize),
    RenameKey(Index, &'static str),
    Insert(Index, &'static str),
}

/// Any mutation, renaming keys to one of `keys` and inserting one of `tokens`.
pub fn mutation(
    keys: &'static [&'static str],
    tokens: &'static [&'static str],
) -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), 1..=255u8).prop_map(|(i, m)| Mutation::Flip(i, m)),
        any::<Index>().prop_map(Mutation::Truncate),
        any::<Index>().prop_map(Mutation::DuplicateLine),
        any::<Index>().prop_map(Mutation::DeleteLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<Index>(), 0..6usize).prop_map(|(i, n)| Mutation::Indent(i, n)),
        (any::<Index>(), prop::sample::select(keys)).prop_map(|(i, k)| Mutation::RenameKey(i, k)),
        (any::<Index>(), prop::sample::select(tokens)).prop_map(|(i, t)| Mutation::Insert(i, t)),
    ]
}

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|b| *b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

pub fn apply(mut bytes: Vec<u8>, m: &Mutation) -> Vec<u8> {
    if bytes.is_empty() {
        return bytes;
    }
    match m {
        Mutation::Flip(i, mask) => {
            let i = i.index(bytes.len());
            bytes[i] ^= mask;
            bytes
        }
        Mutation::Truncate(i) => {
            bytes.truncate(i.index(bytes.len()));
            bytes
        }
        Mutation::DuplicateLine(i) => {
            let mut ls = lines(&bytes);
            let i = i.index(ls.len());
            ls.insert(i, ls[i].clone());
            ls.concat()
        }
        Mutation::DeleteLine(i) => {
            let mut ls = lines(&bytes);
            ls.remove(i.index(ls.len()));
            ls.concat()
        }
        Mutation::SwapLines(a, b) => {
            let mut ls = lines(&bytes);
            let (a, b) = (a.index(ls.len()), b.index(ls.len()));
            ls.swap(a, b);
            ls.concat()
        }
        Mutation::RenameKey(i, key) => {
            // The n-th line that has a `key:`; the key is replaced.
            let mut ls = lines(&bytes);
            let keyed: Vec<usize> = (0..ls.len())
                .filter(|&n| ls[n].windows(2).any(|w| w == b": ") || ls[n].ends_with(b":\n"))
                .collect();
            if keyed.is_empty() {
                return ls.concat();
            }
            let n = keyed[i.index(keyed.len())];
            let line = &ls[n];
            let indent = line
                .iter()
                .take_while(|b| **b == b' ' || **b == b'-')
                .count();
            let colon = line
                .iter()
                .position(|b| *b == b':')
                .unwrap_or(indent)
                .max(indent);
            let mut new = line[..indent].to_vec();
            new.extend_from_slice(key.as_bytes());
            new.extend_from_slice(&line[colon..]);
            ls[n] = new;
            ls.concat()
        }
        Mutation::Indent(i, n) => {
            // The n-th line, re-indented with `n` spaces.
            let mut ls = lines(&bytes);
            let at = i.index(ls.len());
            let body: Vec<u8> = ls[at].iter().copied().skip_while(|b| *b == b' ').collect();
            ls[at] = [vec![b' '; *n], body].concat();
            ls.concat()
        }
        Mutation::Insert(i, token) => {
            let i = i.index(bytes.len() + 1);
            bytes.splice(i..i, token.bytes());
            bytes
        }
    }
}
