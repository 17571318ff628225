package org.gospelib.content.internal;

import java.util.List;

/**
 * Everything a corpus snapshot is made of before its graph is built, as the database holds it,
 * decoded; the cross-references gathered from the verses' notes only feed the graph.
 *
 * @param stamp identifies the stored corpus (see {@link SnapshotLoader#currentStamp()})
 */
record CorpusParts(long version, String stamp, List<TranslationSnapshot> translations, ReferenceWorks works,
        List<CrossReferenceCollector.CrossReference> crossReferences) {
}
