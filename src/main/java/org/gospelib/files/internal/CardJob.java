package org.gospelib.files.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.gospelib.files.FileStore;
import org.gospelib.jobs.JobContext;
import org.gospelib.jobs.JobHandler;
import org.gospelib.jobs.JobKind;
import org.gospelib.jobs.JobPriority;
import org.gospelib.platform.Fonts;
import org.springframework.stereotype.Component;

/**
 * Draws one share card and stores it under its content hash. The request carries everything the
 * card shows, so the worker needs no corpus; drawing the same card twice stores the same bytes.
 */
@Component
class CardJob implements JobHandler<CardJob.Request> {

    static final JobKind<Request> KIND = new JobKind<>("files.verse-card", Request.class);

    record Request(String text, String reference, String translation, String design, String format) {
        VerseCard card() {
            return new VerseCard(text, reference, translation, CardDesign.named(design).orElseThrow(),
                    VerseCard.Format.ofExtension(format).orElseThrow());
        }

        static Request of(VerseCard card) {
            return new Request(card.text(), card.reference(), card.translation(), card.design().id(), card.format().extension);
        }
    }

    private final FileStore files;
    private final Fonts fonts;
    private final MeterRegistry meters;
    private volatile CardRenderer renderer;

    CardJob(FileStore files, Fonts fonts, MeterRegistry meters) {
        this.files = files;
        this.fonts = fonts;
        this.meters = meters;
    }

    @Override
    public JobKind<Request> kind() {
        return KIND;
    }

    @Override
    public JobPriority defaultPriority() {
        // a reader, or a link preview, is waiting for it
        return JobPriority.HIGH;
    }

    @Override
    public void handle(Request request, JobContext context) {
        VerseCard card = request.card();
        if (files.exists(card.key())) return;
        long start = System.nanoTime();
        byte[] image = renderer().render(card);
        files.put(card.key(), image, ContentTypes.of(card.key()));
        meters.timer("gospelib.files.card.render", "design", card.design().id(), "format", card.format().extension)
                .record(Duration.ofNanos(System.nanoTime() - start));
    }

    /** Made at the first card, so a process that draws none never reads the fonts. */
    CardRenderer renderer() {
        CardRenderer r = renderer;
        if (r == null) {
            synchronized (this) {
                if (renderer == null) renderer = new CardRenderer(fonts);
                r = renderer;
            }
        }
        return r;
    }
}
