/**
 * Search: full-text, Strong's-lemma and semantic search over the served corpus. Keeps one Lucene
 * index per translation, a read model rebuilt off the request path whenever content swaps in a new
 * corpus snapshot, and answers {@code /v1/search}. Sentence embeddings are cached in PostgreSQL so
 * an unchanged verse is never embedded twice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.gospelib.search;
