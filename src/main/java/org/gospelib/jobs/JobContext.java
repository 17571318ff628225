package org.gospelib.jobs;

/** What a running job knows about itself, and how it reports progress. */
public interface JobContext {

    /** The job's key. */
    String key();

    /** 1 on the first run, 2 on the first retry, and so on. */
    int attempt();

    /**
     * How far the job has got, shown to operators while it runs; written at most once a second,
     * so it can be called for every item.
     */
    void progress(long done, long total, String note);
}
