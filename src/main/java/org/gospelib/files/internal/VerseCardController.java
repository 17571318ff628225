package org.gospelib.files.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.files.FileStore;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.gospelib.scripture.BookNames;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Share cards of any passage in any translation. {@code /v1/images/verses/{translation}/{osis}.png}
 * names a card by what it shows and redirects to the drawn image, {@code /v1/images/cards/{hash}.png},
 * which never changes and is cached for a year. A card not yet drawn is drawn by a worker while
 * the request waits a few seconds (a link preview fetches it once, and will not come back).
 */
@RestController
@Tag(name = "Share images")
class VerseCardController {

    /** Verses one card may show; longer passages are cut at the smallest size anyway. */
    static final int MAX_VERSES = 60;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern CARD = Pattern.compile("([0-9a-f]{32})\\.(png|svg)");
    private static final BookNames BOOKS = BookNames.standard();

    private final ScriptureText scripture;
    private final FileStore files;
    private final Jobs jobs;

    VerseCardController(ScriptureText scripture, FileStore files, Jobs jobs) {
        this.scripture = scripture;
        this.files = files;
        this.jobs = jobs;
    }

    @GetMapping("/v1/images/verses/{translation}/{file}")
    @Operation(summary = "A passage's share card", description = "{file} is an OSIS reference with .png or .svg "
            + "(John.3.16.png, Ps.23.1-Ps.23.6.svg); design parchment (default), night or minimal. Redirects to the "
            + "drawn image, 1200 × 630.")
    ResponseEntity<Void> card(@PathVariable String translation, @PathVariable String file,
            @RequestParam(defaultValue = "parchment") String design) throws InterruptedException {
        VerseCard card = describe(translation, file, design);
        String key = card.key();
        if (!files.exists(key)) {
            jobs.enqueue(JobRequest.of(CardJob.KIND, "card/" + card.hash(), CardJob.Request.of(card)).withPriority(
                    org.gospelib.jobs.JobPriority.HIGH));
            // each look is a request to the bucket when split: 25 ms at first, then less and less often
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (long pause = 25; !files.exists(key); pause = Math.min(pause * 2, 800)) {
                if (System.nanoTime() > deadline) throw FilesProblems.cardNotReady();
                Thread.sleep(pause);
            }
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/v1/images/cards/" + card.hash() + "." + card.format().extension))
                // the passage's text changes only with the corpus: an hour is safe
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).build();
    }

    @GetMapping("/v1/images/cards/{file}")
    @Operation(summary = "A drawn share card", description = "Named by the hash of what it shows: immutable.")
    ResponseEntity<byte[]> drawn(@PathVariable String file) {
        var name = CARD.matcher(file);
        if (!name.matches()) throw FilesProblems.notFound("no card " + clip(file));
        FileStore.StoredFile stored = files.get("cards/" + file).orElseThrow(() -> FilesProblems.notFound("no card " + file));
        var answer = ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .eTag("\"" + name.group(1) + "\"").header("X-Content-Type-Options", "nosniff");
        // an SVG is a document: it may not run or load anything
        if (name.group(2).equals("svg")) answer.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        return answer.contentType(MediaType.parseMediaType(stored.contentType())).body(stored.content());
    }

    /** What the request asks to be drawn, or the problem with it. */
    VerseCard describe(String translationId, String file, String designName) {
        CardDesign design = CardDesign.named(designName).orElseThrow(() -> FilesProblems.invalidParameter("design",
                "design must be parchment, night or minimal"));
        int dot = file.lastIndexOf('.');
        Optional<VerseCard.Format> format = dot < 0 ? Optional.empty() : VerseCard.Format.ofExtension(file.substring(dot + 1));
        if (format.isEmpty()) throw FilesProblems.invalidReference("the image must end in .png or .svg: " + clip(file));
        List<TranslationInfo> installed = scripture.translations();
        if (installed.isEmpty()) throw FilesProblems.corpusNotReady();
        TranslationInfo translation = installed.stream().filter(t -> t.id().equalsIgnoreCase(translationId)).findFirst()
                .orElseThrow(() -> FilesProblems.unknownTranslation(translationId));
        List<VerseRef> verses;
        try {
            verses = OsisRange.parse(file.substring(0, dot)).verses(Versification.kjv());
        } catch (IllegalArgumentException e) {
            throw FilesProblems.invalidReference("not an OSIS reference (John.3.16, Ps.23.1-Ps.23.6): " + clip(file.substring(0, dot)));
        }
        if (verses.isEmpty()) throw FilesProblems.invalidReference("no such verse: " + clip(file.substring(0, dot)));
        if (verses.size() > MAX_VERSES) {
            throw FilesProblems.invalidReference("a card shows at most " + MAX_VERSES + " verses");
        }
        StringBuilder text = new StringBuilder();
        for (VerseRef ref : verses) {
            scripture.verse(translation.id(), ref).filter(v -> !v.isEmpty()).ifPresent(v -> {
                if (!text.isEmpty()) text.append(' ');
                text.append(v.text());
            });
        }
        if (text.isEmpty()) throw FilesProblems.passageWithoutText();
        return new VerseCard(text.toString(), label(verses, translation.language()), translation.id(), design, format.get());
    }

    /** "John 3:16", "Juan 3:16–18", as the translation's readers write it; a card sets a range with an en dash. */
    static String label(List<VerseRef> verses, String language) {
        return BOOKS.label(verses.getFirst(), verses.getLast(), Locale.forLanguageTag(language)).replace('-', '\u2013');
    }

    private static String clip(String value) {
        String shown = value.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
    }
}
