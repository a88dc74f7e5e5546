//! The catalog's lookup by code: for departments, indicators and projects, a
//! hash table of positions in the plan's own vectors. The index holds its
//! codes in one string, so building it for a synthetic plan of 260,000
//! entries allocates a table and a string, not 260,000 strings.

use super::model::{Department, Indicator, Project};
use hashbrown::HashTable;
use std::hash::BuildHasher;
use std::marker::PhantomData;

/// A catalog entry found by its code.
pub trait Coded {
    fn code(&self) -> &str;
}

impl Coded for Indicator {
    fn code(&self) -> &str {
        &self.id
    }
}

impl Coded for Project {
    fn code(&self) -> &str {
        &self.id
    }
}

impl Coded for Department {
    fn code(&self) -> &str {
        &self.code
    }
}

/// Positions of `T`s in one vector, found by code. The codes are copied
/// into one string, side by side, so that a lookup reads the table and that
/// string (two cache misses at most), not the catalog entry and the heap
/// buffer of its code.
#[derive(Debug)]
pub struct CodeIndex<T> {
    table: HashTable<Slot>,
    codes: String,
    of: PhantomData<fn(&T)>,
}

/// A code's place in [`CodeIndex::codes`] and its entry's position.
#[derive(Clone, Copy, Debug)]
struct Slot {
    start: usize,
    len: u32,
    position: u32,
}

impl<T> Default for CodeIndex<T> {
    fn default() -> Self {
        CodeIndex {
            table: HashTable::new(),
            codes: String::new(),
            of: PhantomData,
        }
    }
}

/// Fixed-seed hashing: lookups only, nothing iterates the table, and the
/// same input gives the same table on every run.
fn hash(code: &str) -> u64 {
    foldhash::fast::FixedState::with_seed(0x706c_616e).hash_one(code)
}

impl<T: Coded> CodeIndex<T> {
    /// The index of `items`, and the positions whose code an earlier entry
    /// already has (in order). Those are left out: the earlier entry answers.
    pub fn build(items: &[T]) -> (CodeIndex<T>, Vec<usize>) {
        let mut table: HashTable<Slot> = HashTable::with_capacity(items.len());
        let mut codes = String::with_capacity(items.iter().map(|i| i.code().len()).sum());
        let mut repeated = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let code = item.code();
            let h = hash(code);
            let found = table.find(h, |s| slot_code(&codes, s) == code).is_some();
            if found {
                repeated.push(i);
                continue;
            }
            // Lengths and positions fit: a plan file is at most 4 GiB.
            let slot = Slot {
                start: codes.len(),
                len: code.len() as u32,
                position: i as u32,
            };
            codes.push_str(code);
            table.insert_unique(h, slot, |s| hash(slot_code(&codes, s)));
        }
        let index = CodeIndex {
            table,
            codes,
            of: PhantomData,
        };
        (index, repeated)
    }
}

impl<T> CodeIndex<T> {
    /// The position of the entry with `code` in the vector the index was built from.
    pub fn get(&self, code: &str) -> Option<usize> {
        self.table
            .find(hash(code), |s| slot_code(&self.codes, s) == code)
            .map(|s| s.position as usize)
    }
}

fn slot_code<'c>(codes: &'c str, slot: &Slot) -> &'c str {
    &codes[slot.start..slot.start + slot.len as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn department(code: &str) -> Department {
        Department {
            code: code.to_string(),
            name: format!("{code} name"),
            aliases: Vec::new(),
            review: Vec::new(),
        }
    }

    #[test]
    fn finds_every_code_and_reports_repeats() {
        let items: Vec<Department> = ["drc", "stats", "drc", "eco-env", "stats"]
            .into_iter()
            .map(department)
            .collect();
        let (index, repeated) = CodeIndex::build(&items);
        assert_eq!(repeated, vec![2, 4]);
        assert_eq!(index.get("drc"), Some(0));
        assert_eq!(index.get("stats"), Some(1));
        assert_eq!(index.get("eco-env"), Some(3));
        assert_eq!(index.get("finance"), None);
        assert_eq!(index.get(""), None);
        assert_eq!(index.get("drcstats"), None);
    }
}
