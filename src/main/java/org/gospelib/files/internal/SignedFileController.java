package org.gospelib.files.internal;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.gospelib.files.FileKeys;
import org.gospelib.files.FileStore;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory store's signed links: {@code /files/<key>?expires=…&name=…&signature=…}. Any link
 * that is not exactly one this process signed, or has expired, answers the same 403 — as does a
 * valid link to a file since removed — so a link reveals nothing about what exists.
 */
@RestController
@Hidden
class SignedFileController {

    private final FileStore store;
    private final Clock clock;

    SignedFileController(FileStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/files/{*key}")
    ResponseEntity<byte[]> download(@PathVariable String key, @RequestParam(required = false) String expires,
            @RequestParam(required = false) String name, @RequestParam(required = false) String signature) {
        if (!(store instanceof DirectoryFileStore directory)) throw FilesProblems.linkRefused();
        String fileKey = key.startsWith("/") ? key.substring(1) : key;
        Instant now = clock.instant();
        if (!FileKeys.valid(fileKey) || expires == null || name == null
                || !directory.signer().valid(fileKey, expires, name, signature, now)) {
            throw FilesProblems.linkRefused();
        }
        FileStore.StoredFile file = store.get(fileKey).orElseThrow(FilesProblems::linkRefused);
        long left = Math.max(0, Long.parseLong(expires) - now.getEpochSecond());
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(left)).cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(name))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.contentType())).body(file.content());
    }
}
