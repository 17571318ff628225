package org.gospelib.content.internal.corpus;

import java.util.List;
import org.gospelib.ingest.CorpusTables;

/**
 * Everything a corpus snapshot is made of before its graph is built, as the database holds it,
 * decoded; the cross-references gathered from the verses' notes only feed the graph.
 *
 * @param contentKey what the stored corpus is made of (see {@link CorpusTables#identity()})
 */
public record CorpusParts(long version, String contentKey, String worksKey, List<TranslationSnapshot> translations, ReferenceWorks works,
        List<CrossReferenceCollector.CrossReference> crossReferences) {
}
