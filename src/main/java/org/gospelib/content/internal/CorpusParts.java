package org.gospelib.content.internal;

import java.util.List;

/**
 * Everything a corpus snapshot is made of before its graph is built: what the database holds,
 * decoded, or what a snapshot file kept of it.
 *
 * @param stamp identifies the stored corpus (see {@link SnapshotLoader#currentStamp()})
 */
record CorpusParts(long version, String stamp, List<TranslationSnapshot> translations, ReferenceWorks works,
        List<CrossReferenceCollector.CrossReference> crossReferences) {
}
