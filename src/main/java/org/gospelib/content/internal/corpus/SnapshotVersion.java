package org.gospelib.content.internal.corpus;

import org.gospelib.platform.CorpusVersion;
import org.springframework.stereotype.Component;

/** The version of the snapshot being served, for the platform's answer cache. */
@Component
public class SnapshotVersion implements CorpusVersion {

    private final SnapshotHolder snapshots;

    public SnapshotVersion(SnapshotHolder snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public long current() {
        return snapshots.current().version();
    }

    @Override
    public boolean loading() {
        return snapshots.loadingBesideServed();
    }
}
