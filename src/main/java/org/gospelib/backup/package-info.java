/**
 * Backup: what cannot be rebuilt, saved to one file and written back. The modules that own such
 * tables declare them ({@link org.gospelib.platform.IrreplaceableData}); a backup copies them all
 * from one consistent snapshot of the database, a restore writes them into a database at the same
 * or a later schema version. The corpus is not in a backup: ingest makes it again.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup")
package org.gospelib.backup;
