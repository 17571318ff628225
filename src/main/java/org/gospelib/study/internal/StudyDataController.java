package org.gospelib.study.internal;

import org.gospelib.identity.Accounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.assistant.AssistantHistory;
import org.gospelib.platform.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed-in user's highlights, notes and bookmarks under {@code /v1/me/}, and the changes
 * a device has not seen yet ({@code /v1/me/sync}). Another user's item is answered 404, exactly
 * as an item that does not exist. Answers are private and never cached by intermediaries.
 */
@RestController
@Tag(name = "Study data", description = "Highlights, notes, bookmarks and multi-device sync")
class StudyDataController {

    static final int MAX_LIST = 500;
    static final int MAX_SYNC = 1_000;
    private static final String COLLECTION = "/v1/me/{collection:highlights|notes|bookmarks}";

    private final StudyService study;
    private final Accounts accounts;
    private final JsonMapper json;
    private final AssistantHistory assistant;

    StudyDataController(StudyService study, Accounts accounts, JsonMapper json, AssistantHistory assistant) {
        this.study = study;
        this.assistant = assistant;
        this.accounts = accounts;
        this.json = json;
    }

    @PostMapping(path = COLLECTION, consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Keep a highlight, note or bookmark",
            description = "Body: {\"ref\": \"John 3:16\", \"colour\": \"yellow\"} (highlights, optional startOffset/endOffset), "
                    + "{\"ref\", \"body\" (markdown), \"tags\"} (notes), {\"ref\", \"folder\"} (bookmarks). "
                    + "Send Idempotency-Key so that a retried request never keeps the item twice.")
    ResponseEntity<StudyAnswers.Item> create(@PathVariable String collection, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        StudyKind kind = kind(collection);
        ItemDraft draft = draft(kind, body);
        Optional<String> key = Optional.ofNullable(idempotencyKey).map(String::strip);
        if (key.isPresent() && (key.get().isEmpty() || key.get().length() > 200)) {
            throw StudyProblems.invalidIdempotencyKey();
        }
        StudyService.Written written;
        try {
            written = study.create(user, draft, key);
        } catch (StudyStore.IdempotencyConflict e) {
            throw StudyProblems.idempotencyKeyReused();
        }
        StudyItem item = written.item();
        return ResponseEntity.created(URI.create("/v1/me/" + kind.collection() + "/" + item.id())).eTag(item.etag())
                .cacheControl(CacheControl.noStore()).header("Idempotent-Replayed", Boolean.toString(!written.created()))
                .body(StudyAnswers.Item.of(item));
    }

    @GetMapping(COLLECTION)
    @Operation(summary = "List highlights, notes or bookmarks",
            description = "Filters: ref (items overlapping a passage: \"John 3\"), tag (notes), updated-since (ISO instant).")
    ResponseEntity<StudyAnswers.Items> list(@PathVariable String collection, @RequestParam(required = false) String ref,
            @RequestParam(required = false) String tag, @RequestParam(name = "updated-since", required = false) String updatedSince,
            @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        StudyKind kind = kind(collection);
        if (limit < 1 || limit > MAX_LIST) throw invalid("limit must be between 1 and " + MAX_LIST);
        Optional<Anchor> overlapping = Optional.empty();
        if (ref != null && !ref.isBlank()) {
            try {
                overlapping = Optional.of(Anchor.parse(ref));
            } catch (InvalidItem e) {
                throw StudyProblems.badReference(ref, e.getMessage());
            }
        }
        Optional<Instant> since = Optional.empty();
        if (updatedSince != null && !updatedSince.isBlank()) {
            try {
                since = Optional.of(Instant.parse(updatedSince.strip()));
            } catch (DateTimeParseException e) {
                throw invalid("updated-since must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
            }
        }
        List<StudyAnswers.Item> items = study.list(user, kind, overlapping, Optional.ofNullable(tag).filter(t -> !t.isBlank()),
                since, limit).stream().map(StudyAnswers.Item::of).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new StudyAnswers.Items(kind.collection(), items));
    }

    @GetMapping(COLLECTION + "/{id}")
    @Operation(summary = "One highlight, note or bookmark")
    ResponseEntity<StudyAnswers.Item> get(@PathVariable String collection, @PathVariable String id, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        StudyKind kind = kind(collection);
        StudyItem item = study.find(user, kind, RequestBodies.id(id, "item")).orElseThrow(() -> notFound(kind, id));
        return ResponseEntity.ok().eTag(item.etag()).cacheControl(CacheControl.noStore()).body(StudyAnswers.Item.of(item));
    }

    @PutMapping(path = COLLECTION + "/{id}", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Replace a highlight, note or bookmark",
            description = "Send If-Match with the item's ETag: a change made meanwhile on another device answers 412.")
    ResponseEntity<StudyAnswers.Item> replace(@PathVariable String collection, @PathVariable String id,
            @RequestBody(required = false) byte[] body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        StudyKind kind = kind(collection);
        UUID itemId = RequestBodies.id(id, "item");
        ItemDraft draft = draft(kind, body);
        try {
            StudyItem item = study.replace(user, itemId, draft, Optional.ofNullable(ifMatch)).orElseThrow(() -> notFound(kind, id));
            return ResponseEntity.ok().eTag(item.etag()).cacheControl(CacheControl.noStore()).body(StudyAnswers.Item.of(item));
        } catch (StudyService.StaleVersion e) {
            throw stale(e);
        }
    }

    @DeleteMapping(COLLECTION + "/{id}")
    @Operation(summary = "Remove a highlight, note or bookmark", description = "Other devices learn of it through /v1/me/sync.")
    ResponseEntity<Void> delete(@PathVariable String collection, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        StudyKind kind = kind(collection);
        try {
            if (!study.delete(user, kind, RequestBodies.id(id, "item"), Optional.ofNullable(ifMatch))) throw notFound(kind, id);
        } catch (StudyService.StaleVersion e) {
            throw stale(e);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/me/sync")
    @Operation(summary = "Changes since a cursor",
            description = "Every item and reading plan created, changed or removed (as a tombstone) after `since`, in order; "
                    + "ask again from `cursor` while `more` is true. A device starts with since=0. A plan (kind `plan`) comes "
                    + "with its days and which are read; its progress is the device's to work out for its own today.")
    ResponseEntity<StudyAnswers.Sync> sync(@RequestParam(defaultValue = "0") String since,
            @RequestParam(defaultValue = "500") int limit, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        long cursor;
        try {
            cursor = Long.parseLong(since.strip());
        } catch (NumberFormatException e) {
            throw invalid("since must be a cursor returned by an earlier sync, or 0");
        }
        if (cursor < 0) throw invalid("since must not be negative");
        if (limit < 1 || limit > MAX_SYNC) throw invalid("limit must be between 1 and " + MAX_SYNC);
        StudyService.Changes changes = study.changes(user, cursor, limit);
        List<StudyAnswers.Change> items = changes.entries().stream().map(StudyAnswers::change).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new StudyAnswers.Sync(items, Long.toString(changes.cursor()), changes.more()));
    }

    @GetMapping("/v1/me/export")
    @Operation(summary = "Everything the user kept", description = "format=json (default) or markdown, as a download.")
    ResponseEntity<?> export(@RequestParam(defaultValue = "json") String format, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        Map<StudyKind, List<StudyItem>> items = new java.util.EnumMap<>(StudyKind.class);
        for (StudyKind kind : StudyKind.values()) {
            items.put(kind, study.list(user, kind, Optional.empty(), Optional.empty(), Optional.empty(), Integer.MAX_VALUE));
        }
        String now = Instant.now().toString();
        List<AssistantHistory.Exchange> questions = assistant.of(user);
        return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> {
                Map<String, List<StudyAnswers.Item>> collections = new LinkedHashMap<>();
                items.forEach((kind, list) -> collections.put(kind.collection(), list.stream().map(StudyAnswers.Item::of).toList()));
                yield ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .header("Content-Disposition", "attachment; filename=\"gospelib-study.json\"")
                        .body(new StudyAnswers.Export(now, collections, questions));
            }
            case "markdown", "md" -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"gospelib-study.md\"")
                    .body(StudyExport.markdown(items, questions, now,
                            ExportWords.of(accounts.contact(user).map(Accounts.Contact::language).orElse("en"))));
            default -> throw invalid("format must be json or markdown");
        };
    }

    private ItemDraft draft(StudyKind kind, byte[] body) {
        ItemFields fields = RequestBodies.json(json, body, ItemFields.class);
        try {
            return ItemDraft.of(kind, fields);
        } catch (InvalidItem e) {
            throw StudyProblems.invalidItem(e);
        }
    }


    private static StudyKind kind(String collection) {
        return StudyKind.ofCollection(collection).orElseThrow(() -> StudyProblems.notFound("no collection " + collection));
    }

    private static ProblemException notFound(StudyKind kind, String id) {
        return StudyProblems.notFound("no " + kind.id() + " " + id);
    }

    private static ProblemException stale(StudyService.StaleVersion e) {
        return StudyProblems.changedMeanwhile(e.current.version(), e.current.etag());
    }

    private static ProblemException invalid(String detail) {
        return StudyProblems.invalidParameter(detail);
    }
}
