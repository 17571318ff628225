package org.gospelib.platform;

import java.util.List;

/**
 * The tables a module owns whose rows cannot be rebuilt — not from the corpus (ingest makes that
 * again), not from anything else: accounts, study data, webhook endpoints, keys, queued work.
 * Each owning module declares its own; a backup saves exactly these, and a restore writes them
 * back. A table added to a module's schema belongs here unless it is derived or transient.
 */
public interface IrreplaceableData {

    /** The owning module's name ({@code identity}, {@code study}, …). */
    String module();

    /** Its tables, in the order they may be restored (referenced tables before those referring to them). */
    List<String> tables();
}
