//! Full-text search over the articles of an analysis: a tantivy index in memory, built when
//! the server starts (from the clean texts the analysis holds, so it always matches them).

use std::collections::BTreeMap;

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{doc, Index, IndexReader, TantivyDocument};

use crate::dossier::Analysis;
use crate::render::SearchHit;

/// Indexing memory budget: tantivy's minimum per thread is 15 MB; one thread is plenty.
const WRITER_BUDGET: usize = 50_000_000;
/// Longest excerpt shown per hit, in characters.
const FRAGMENT_CHARS: usize = 240;

/// The search index of one analysis.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    position: Field,
    title: Field,
    outlet: Field,
    text: Field,
    /// Story ids of each document, by position.
    stories: Vec<Vec<String>>,
}

impl SearchIndex {
    /// Indexes every document's headline, outlet and clean text.
    pub fn build(analysis: &Analysis) -> tantivy::Result<SearchIndex> {
        let mut schema = Schema::builder();
        let position = schema.add_u64_field("position", STORED);
        let words = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let title = schema.add_text_field("title", words.clone());
        let outlet = schema.add_text_field("outlet", words.clone());
        let text = schema.add_text_field("text", words | STORED);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, WRITER_BUDGET)?;
        for (n, d) in analysis.documents.iter().enumerate() {
            writer.add_document(doc!(
                position => n as u64,
                title => d.title.clone().unwrap_or_default(),
                outlet => d.outlet.clone().unwrap_or_default(),
                text => d.text.clone(),
            ))?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        Ok(SearchIndex {
            index,
            reader,
            position,
            title,
            outlet,
            text,
            stories: stories_by_document(analysis),
        })
    }

    /// The `limit` best articles for a query in tantivy's query language (words, `"a phrase"`,
    /// `+must -not`, `title:word`); a query with syntax errors is read leniently, never
    /// refused. Results are ordered by score, then by input order.
    pub fn search(
        &self,
        analysis: &Analysis,
        query: &str,
        limit: usize,
    ) -> tantivy::Result<Vec<SearchHit>> {
        let mut parser =
            QueryParser::for_index(&self.index, vec![self.title, self.outlet, self.text]);
        parser.set_field_boost(self.title, 2.0);
        parser.set_conjunction_by_default();
        let (query, _errors) = parser.parse_query_lenient(query);
        let searcher = self.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(limit.max(1)).order_by_score())?;
        let mut snippets = SnippetGenerator::create(&searcher, &*query, self.text)?;
        snippets.set_max_num_chars(FRAGMENT_CHARS);
        let mut hits = Vec::new();
        for (score, address) in top {
            let stored: TantivyDocument = searcher.doc(address)?;
            let Some(n) = stored.get_first(self.position).and_then(|v| v.as_u64()) else {
                continue;
            };
            let Some(d) = analysis.documents.get(n as usize) else {
                continue;
            };
            let snippet = snippets.snippet_from_doc(&stored);
            hits.push(SearchHit {
                position: n as usize,
                document: d.id.clone(),
                title: d.title.clone(),
                outlet: d.outlet.clone(),
                published: d.published.clone(),
                stories: self.stories.get(n as usize).cloned().unwrap_or_default(),
                score,
                fragment: snippet.fragment().to_string(),
                highlights: snippet
                    .highlighted()
                    .iter()
                    .map(|r| [r.start, r.end])
                    .collect(),
            });
        }
        // Equal scores keep input order, so the same query always lists the same way.
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.position.cmp(&b.position))
        });
        Ok(hits)
    }
}

fn stories_by_document(analysis: &Analysis) -> Vec<Vec<String>> {
    let mut of: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for s in &analysis.stories {
        for d in &s.documents {
            of.entry(d.as_str()).or_default().push(s.id.clone());
        }
    }
    analysis
        .documents
        .iter()
        .map(|d| of.get(d.id.as_str()).cloned().unwrap_or_default())
        .collect()
}
