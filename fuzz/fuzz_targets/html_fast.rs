//! Fuzz target: bytes decoded as `page.html` and extracted by the fast path alone (the
//! single lol_html pass that serves most pages); every span of the article checked
//! (`reader::check_article`). `html_extract` covers the same code, but its full path
//! (html5ever and rs-trafilatura) makes each input 5-10x dearer, so this target reaches a
//! million inputs in a fraction of the time.
#![no_main]

#[allow(dead_code)]
mod common;
#[allow(dead_code)]
mod reader;

use triangulate::extract::HtmlBody;

libfuzzer_sys::fuzz_target!(
    init: common::keep_caught_panics_caught(),
    |data: &[u8]| reader::check_html_page(data, HtmlBody::Fast)
);
