//! I/O virtual address allocation: the driver chooses the addresses the device uses for its
//! buffers (first fit, aligned, freed ranges merged).

/// An allocator over `[base, base + size)`.
#[derive(Debug, Clone)]
pub struct IovaAllocator {
    /// Free ranges `(start, end)`, sorted, non-adjacent.
    free: Vec<(u64, u64)>,
}

impl IovaAllocator {
    /// All of `[base, base + size)` free.
    pub fn new(base: u64, size: u64) -> IovaAllocator {
        IovaAllocator { free: vec![(base, base.saturating_add(size))] }
    }

    /// `len` bytes aligned to `align` (a power of two), or `None` if no free range fits.
    pub fn alloc(&mut self, len: u64, align: u64) -> Option<u64> {
        assert!(align.is_power_of_two(), "alignment must be a power of two");
        if len == 0 {
            return None;
        }
        for i in 0..self.free.len() {
            let (s, e) = self.free[i];
            let a = s.checked_add(align - 1)? & !(align - 1);
            let Some(end) = a.checked_add(len) else { continue };
            if end <= e {
                let mut repl = Vec::with_capacity(2);
                if a > s {
                    repl.push((s, a));
                }
                if end < e {
                    repl.push((end, e));
                }
                self.free.splice(i..=i, repl);
                return Some(a);
            }
        }
        None
    }

    /// Returns `[addr, addr + len)` (which must have come from [`Self::alloc`]).
    pub fn free(&mut self, addr: u64, len: u64) {
        let end = addr + len;
        let i = self.free.partition_point(|&(s, _)| s < addr);
        debug_assert!(i == 0 || self.free[i - 1].1 <= addr, "double free");
        debug_assert!(i == self.free.len() || end <= self.free[i].0, "double free");
        self.free.insert(i, (addr, end));
        // Merge with the neighbours.
        if i + 1 < self.free.len() && self.free[i].1 == self.free[i + 1].0 {
            self.free[i].1 = self.free[i + 1].1;
            self.free.remove(i + 1);
        }
        if i > 0 && self.free[i - 1].1 == self.free[i].0 {
            self.free[i - 1].1 = self.free[i].1;
            self.free.remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn aligned_first_fit_and_merging() {
        let mut a = IovaAllocator::new(0x1000, 0x10000);
        let x = a.alloc(0x100, 0x1000).unwrap();
        let y = a.alloc(0x2000, 0x2000).unwrap();
        assert_eq!((x, y), (0x1000, 0x2000));
        assert_eq!(a.alloc(0x20000, 1), None);
        a.free(x, 0x100);
        a.free(y, 0x2000);
        assert_eq!(a.free, vec![(0x1000, 0x11000)], "everything merged back");
    }

    proptest! {
        /// Live allocations never overlap, stay in range and keep their alignment; freeing
        /// everything gives the whole range back.
        #[test]
        fn allocations_are_disjoint(ops in proptest::collection::vec((1u64..5000, 0u32..6, any::<bool>()), 1..80)) {
            let mut a = IovaAllocator::new(0x10000, 1 << 20);
            let mut live: Vec<(u64, u64)> = Vec::new();
            for (len, al, free_one) in ops {
                if free_one && !live.is_empty() {
                    let (s, l) = live.remove(0);
                    a.free(s, l);
                } else if let Some(s) = a.alloc(len, 1 << (al * 2)) {
                    prop_assert_eq!(s % (1 << (al * 2)), 0);
                    prop_assert!(s >= 0x10000 && s + len <= 0x10000 + (1 << 20));
                    prop_assert!(live.iter().all(|&(t, m)| s + len <= t || t + m <= s));
                    live.push((s, len));
                }
            }
            for (s, l) in live {
                a.free(s, l);
            }
            prop_assert_eq!(a.free, vec![(0x10000, 0x10000 + (1 << 20))]);
        }
    }
}
