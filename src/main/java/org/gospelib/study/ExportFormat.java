package org.gospelib.study;

import java.util.Locale;
import java.util.Optional;

/** The forms a reader's study data is exported in. */
public enum ExportFormat {
    /** Everything, machine-readable: what an import or another program reads. */
    JSON("json", "application/json"),
    /** Everything, as text a person can read and keep. */
    MARKDOWN("md", "text/markdown;charset=UTF-8"),
    /** Notes with the text of the verses they are on, laid out for printing. */
    PDF("pdf", "application/pdf");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format a request names: {@code json}, {@code markdown} (or {@code md}), {@code pdf}, in any case. */
    public static Optional<ExportFormat> named(String name) {
        return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "markdown", "md" -> Optional.of(MARKDOWN);
            case "pdf" -> Optional.of(PDF);
            default -> Optional.empty();
        };
    }
}
