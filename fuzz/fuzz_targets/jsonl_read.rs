//! Fuzz target: bytes read as `records.jsonl`: the documents usable, the same whole, a few
//! bytes a read, gzipped (one or two members) and sniffed as a stream
//! (`reader::check_container`); each plain-text record extracted and its spans checked.
#![no_main]

#[allow(dead_code)]
mod common;
#[allow(dead_code)]
mod reader;

use triangulate::extract;
use triangulate::ingest::Format;

libfuzzer_sys::fuzz_target!(
    init: common::keep_caught_panics_caught(),
    |data: &[u8]| {
        reader::check_container("records.jsonl", data);
        for doc in reader::read("records.jsonl", data).docs {
            // HTML records are the html_extract target's; supplied metadata goes through
            // the same code for both.
            if doc.format == Format::Text {
                reader::check_article(&doc, &extract::extract(&doc));
            }
        }
    }
);
