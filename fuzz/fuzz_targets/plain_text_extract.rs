//! Fuzz target: bytes decoded as `page.txt` and extracted twice; every span of the article
//! checked (`reader::check_article`: each paragraph is its input slice byte for byte) and
//! the two extractions identical.
#![no_main]

#[allow(dead_code)]
mod common;
#[allow(dead_code)]
mod reader;

use triangulate::{extract, ingest};

libfuzzer_sys::fuzz_target!(
    init: common::keep_caught_panics_caught(),
    |data: &[u8]| {
        if let Ok((doc, _)) = ingest::decode("page.txt", "page.txt", data) {
            let article = extract::extract(&doc);
            reader::check_article(&doc, &article);
            assert_eq!(article, extract::extract(&doc), "extraction not deterministic");
        }
    }
);
