//! Fuzz target: bytes decoded as `page.html` (gzip, charset sniffing) and extracted (a
//! first byte 0 or 1: by the fast or the full path alone; else as the CLI does); every span
//! of the article checked (`reader::check_article`).
#![no_main]

#[allow(dead_code)]
mod common;
#[allow(dead_code)]
mod reader;

use triangulate::extract::HtmlBody;

libfuzzer_sys::fuzz_target!(
    init: common::keep_caught_panics_caught(),
    |data: &[u8]| {
        // A leading 0 or 1 byte picks a path alone; any other page is read as the CLI reads
        // it, so the seeds (real pages) need no prefix.
        let (body, bytes) = match data.split_first() {
            Some((0, rest)) => (HtmlBody::Fast, rest),
            Some((1, rest)) => (HtmlBody::Full, rest),
            _ => (HtmlBody::Auto, data),
        };
        reader::check_html_page(bytes, body);
    }
);
