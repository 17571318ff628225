/**
 * Turning the entries of SWORD lexicon modules (read by
 * {@link org.gospelib.ingest.internal.sword.ZLdReader}) into GospeLib's lexicon models: topics of
 * Nave's Topical Bible and Strong's Greek and Hebrew dictionary entries. The entries are TEI
 * fragments; they are read with the tolerant tag scanner of
 * {@code org.gospelib.ingest.internal.osis}, never with an XML parser, because a single malformed
 * entry must not cost the rest of the dictionary.
 */
package org.gospelib.ingest.internal.lexicon;
