package org.gospelib.backup;

/** A backup that cannot be taken or restored, with what to do about it. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
