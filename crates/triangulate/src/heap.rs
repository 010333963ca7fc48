//! Estimates of the heap bytes a structure holds, for the scale benchmark's memory
//! breakdown. Estimates, not allocator truth: a hash table is taken as hashbrown lays it
//! out (buckets a power of two at most 7/8 full, one control byte each), a vector as its
//! capacity.

/// Heap bytes of a vector's buffer.
pub fn vec_bytes<T>(v: &Vec<T>) -> usize {
    v.capacity() * std::mem::size_of::<T>()
}

/// Heap bytes of a hashbrown table able to hold `capacity` entries of `entry` bytes.
pub fn table_bytes(capacity: usize, entry: usize) -> usize {
    if capacity == 0 {
        return 0;
    }
    let buckets = (capacity * 8).div_ceil(7).next_power_of_two();
    buckets * (entry + 1)
}
