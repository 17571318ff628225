package org.gospelib.content.internal.api;

import org.gospelib.content.internal.ContentProblems;
import org.gospelib.content.internal.corpus.ApiModel;
import org.gospelib.content.internal.corpus.CorpusSnapshot;
import org.gospelib.content.internal.corpus.SnapshotHolder;
import org.gospelib.content.internal.corpus.TranslationSnapshot;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gospelib.platform.CorpusCaching;
import org.gospelib.scripture.VerseRef;
import java.util.function.Supplier;
import org.gospelib.platform.HeavyWork;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The content API (v1). Every answer is a pure function of the URL and the corpus version, so
 * each carries an ETag derived from both and may be cached for long; a matching
 * {@code If-None-Match} gets 304 without the body being built.
 */
@RestController
@RequestMapping(path = "/v1", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Content", description = "Translations, passages, verses and references")
class ContentController {

    static final int MAX_TRANSLATIONS = 5;
    /** Verse texts (verses × translations) beyond which a passage is built under {@link HeavyWork}'s limit. */
    static final int HEAVY_VERSE_TEXTS = 300;

    private final SnapshotHolder snapshots;
    private final PassageAssembler passages;
    private final References references;
    private final HeavyWork heavy;

    ContentController(SnapshotHolder snapshots, PassageAssembler passages, References references, HeavyWork heavy) {
        this.snapshots = snapshots;
        this.passages = passages;
        this.references = references;
        this.heavy = heavy;
    }

    @GetMapping("/translations")
    @Operation(summary = "Translations", description = "Every translation served, KJV first.")
    ResponseEntity<ApiModel.TranslationList> translations(WebRequest request) {
        CorpusSnapshot snapshot = snapshots.loaded();
        String etag = etag(snapshot, "translations");
        if (request.checkNotModified(etag)) return notModified(etag);
        return ok(etag, new ApiModel.TranslationList(snapshot.translations().stream()
                .map(t -> ApiModel.Translation.of(t.info())).toList()));
    }

    @GetMapping("/translations/{id}/books")
    @Operation(summary = "Books of a translation", description = "In canonical order, with chapter and verse counts.")
    ResponseEntity<ApiModel.Books> books(@PathVariable String id, WebRequest request) {
        CorpusSnapshot snapshot = snapshots.loaded();
        TranslationSnapshot translation = translation(snapshot, id, 404);
        String etag = etag(snapshot, "books|" + translation.id());
        if (request.checkNotModified(etag)) return notModified(etag);
        return ok(etag, new ApiModel.Books(translation.id(), translation.books().stream().map(ApiModel.Book::of).toList()));
    }

    @GetMapping(path = "/passages", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "A passage side by side",
            description = "The verses of a reference in each requested translation, aligned on KJV numbering.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ApiModel.Passage.class)),
            @Content(mediaType = "text/plain", schema = @Schema(type = "string"))})
    ResponseEntity<?> passage(
            @Parameter(description = "A reference, e.g. `John 3:16-18; Rom 8` or `Juan 3:16`") @RequestParam(required = false) String ref,
            @Parameter(description = "Comma-separated translation ids; default: the first translation") @RequestParam(required = false) String translations,
            @Parameter(description = "`json` (default) or `text`") @RequestParam(defaultValue = "json") String format,
            WebRequest request) {
        if (ref == null || ref.isBlank()) throw ContentProblems.missingParameter("ref");
        if (!format.equals("json") && !format.equals("text")) {
            throw ContentProblems.invalidParameter("format must be 'json' or 'text'");
        }
        CorpusSnapshot snapshot = snapshots.loaded();
        List<TranslationSnapshot> chosen = chooseTranslations(snapshot, translations);
        References.Resolved resolved = references.resolve(ref);
        int texts = resolved.verseCount() * chosen.size();
        if (texts > References.MAX_VERSES) {
            throw ContentProblems.passageTooLong(resolved.verseCount(), chosen.size(), References.MAX_VERSES);
        }
        String etag = etag(snapshot, "passage|" + resolved.osis() + "|" + ids(chosen) + "|" + format);
        if (request.checkNotModified(etag)) return notModified(etag);
        Supplier<Object> body = format.equals("text") ? () -> PlainTextPassage.render(resolved, chosen)
                : () -> passages.assemble(ref, resolved, chosen);
        MediaType type = format.equals("text") ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON;
        return CorpusCaching.ok(etag, type, texts > HEAVY_VERSE_TEXTS ? heavy.run(body) : body.get());
    }

    @GetMapping("/verses/{osis}")
    @Operation(summary = "One verse in every translation", description = "With Strong's-tagged tokens and notes.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApiModel.VerseEverywhere.class)))
    ResponseEntity<byte[]> verse(@PathVariable String osis, WebRequest request) {
        CorpusSnapshot snapshot = snapshots.loaded();
        VerseRef ref = references.singleVerse(osis);
        String etag = etag(snapshot, "verse|" + ref.osis());
        if (request.checkNotModified(etag)) return notModified(etag);
        return CorpusCaching.ok(etag, MediaType.APPLICATION_JSON, passages.everywhere(ref, snapshot.translations()));
    }

    @GetMapping("/references")
    @Operation(summary = "Parse a reference", description = "Normalised OSIS and the parts not understood; no text.")
    ResponseEntity<ApiModel.ReferenceParse> parse(@RequestParam(required = false) String q, WebRequest request) {
        if (q == null) throw ContentProblems.missingParameter("q");
        ApiModel.ReferenceParse parse = references.parseLeniently(q);
        String etag = "\"r-" + Integer.toHexString(parse.hashCode()) + "\"";
        if (request.checkNotModified(etag)) return notModified(etag);
        return ok(etag, parse);
    }


    private List<TranslationSnapshot> chooseTranslations(CorpusSnapshot snapshot, String param) {
        if (param == null || param.isBlank()) return List.of(snapshot.translations().getFirst());
        Set<String> ids = new LinkedHashSet<>();
        for (String id : param.split(",")) if (!id.isBlank()) ids.add(id.strip());
        if (ids.size() > MAX_TRANSLATIONS) throw ContentProblems.tooManyTranslations(ids.size(), MAX_TRANSLATIONS);
        List<TranslationSnapshot> chosen = new ArrayList<>();
        for (String id : ids) chosen.add(translation(snapshot, id, 400));
        return chosen.isEmpty() ? List.of(snapshot.translations().getFirst()) : chosen;
    }

    private static TranslationSnapshot translation(CorpusSnapshot snapshot, String id, int status) {
        return snapshot.translation(id).orElseThrow(() -> ContentProblems.unknownTranslation(id, status,
                snapshot.translations().stream().map(TranslationSnapshot::id).toList()));
    }

    private static String ids(List<TranslationSnapshot> translations) {
        return String.join(",", translations.stream().map(TranslationSnapshot::id).toList());
    }

    static String etag(CorpusSnapshot snapshot, String key) {
        return CorpusCaching.etag(snapshot.version(), key);
    }

    private static <T> ResponseEntity<T> ok(String etag, T body) {
        return CorpusCaching.ok(etag, body);
    }

    private static <T> ResponseEntity<T> notModified(String etag) {
        return CorpusCaching.notModified(etag);
    }
}
