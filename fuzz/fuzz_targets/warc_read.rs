//! Fuzz target: bytes read as `crawl.warc`: the documents usable, the same whole, a few
//! bytes a read, gzipped (one or two members) and sniffed as a stream
//! (`reader::check_container`).
#![no_main]

#[allow(dead_code)]
mod common;
#[allow(dead_code)]
mod reader;

libfuzzer_sys::fuzz_target!(
    init: common::keep_caught_panics_caught(),
    |data: &[u8]| reader::check_container("crawl.warc", data)
);
