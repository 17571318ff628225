package org.gospelib.files.internal;

import java.util.Map;

/** A stored file's media type, from its key's extension (every key GospeLib writes has one). */
final class ContentTypes {

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "json", "application/json",
            "md", "text/markdown;charset=UTF-8",
            "pdf", "application/pdf",
            "png", "image/png",
            "svg", "image/svg+xml");

    private ContentTypes() {
    }

    static String of(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream" : BY_EXTENSION.getOrDefault(key.substring(dot + 1), "application/octet-stream");
    }
}
