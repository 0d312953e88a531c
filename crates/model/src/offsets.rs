//! Offset maps from normalised text back to the bytes it was made from.

/// Piecewise-linear map from offsets in normalised text to offsets in the source text.
///
/// Stored as checkpoints `(normalised, source)`: from a checkpoint until the next one, an offset
/// `n` maps to `source + (n - normalised)`. Text that normalisation left alone needs a single
/// checkpoint, so the map stays small.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    checkpoints: Vec<(u32, u32)>,
}

impl OffsetMap {
    pub fn identity() -> OffsetMap {
        OffsetMap { checkpoints: vec![(0, 0)] }
    }

    /// Records that normalised offset `normalised` corresponds to source offset `source`.
    /// Calls must come in increasing `normalised` order; redundant checkpoints are skipped.
    pub fn push(&mut self, normalised: usize, source: usize) {
        let (n, s) = (normalised as u32, source as u32);
        if let Some(&(ln, ls)) = self.checkpoints.last() {
            debug_assert!(n >= ln);
            if i64::from(s) - i64::from(ls) == i64::from(n) - i64::from(ln) {
                return;
            }
            if ln == n {
                self.checkpoints.pop();
            }
        }
        self.checkpoints.push((n, s));
    }

    /// The source offset of normalised offset `n`.
    pub fn to_source(&self, n: usize) -> usize {
        let n = n as u32;
        let i = self.checkpoints.partition_point(|&(cn, _)| cn <= n);
        if i == 0 {
            return n as usize;
        }
        let (cn, cs) = self.checkpoints[i - 1];
        (cs + (n - cn)) as usize
    }

    pub fn checkpoints(&self) -> &[(u32, u32)] {
        &self.checkpoints
    }

    pub fn from_checkpoints(checkpoints: Vec<(u32, u32)>) -> OffsetMap {
        OffsetMap { checkpoints }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_through_deletions() {
        // source "a  b" (two spaces) normalised to "a b": offset 2 ('b') maps to 3.
        let mut m = OffsetMap::identity();
        m.push(2, 3);
        assert_eq!(m.to_source(0), 0);
        assert_eq!(m.to_source(1), 1);
        assert_eq!(m.to_source(2), 3);
        assert_eq!(m.to_source(3), 4);
        assert_eq!(m.checkpoints().len(), 2);
    }
}
