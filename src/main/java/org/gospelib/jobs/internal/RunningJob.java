package org.gospelib.jobs.internal;

import org.gospelib.jobs.JobContext;

/** The context of one run of a job: its key, its attempt, its progress (written at most once a second). */
final class RunningJob implements JobContext {

    private static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

    private final String kind;
    private final String key;
    private final int attempt;
    private final JobProgress progress;
    private long lastWrite = System.nanoTime() - PROGRESS_INTERVAL_NANOS;
    private boolean reported;

    RunningJob(String kind, String key, int attempt, JobProgress progress) {
        this.kind = kind;
        this.key = key;
        this.attempt = attempt;
        this.progress = progress;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public void progress(long done, long total, String note) {
        long now = System.nanoTime();
        if (done < total && now - lastWrite < PROGRESS_INTERVAL_NANOS) return;
        lastWrite = now;
        reported = true;
        progress.record(kind, key, done, total, note == null ? "" : note);
    }

    /** Removes what the run reported, once it has ended well. */
    void finished() {
        if (reported) progress.clear(kind, key);
    }
}
