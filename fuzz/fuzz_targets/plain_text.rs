//! Fuzz target: arbitrary bytes read as `page.txt`, analysed, every span checked.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(
    init: common::keep_caught_panics_caught(),
    |data: &[u8]| common::read_and_check("page.txt", data)
);
