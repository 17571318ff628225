package org.gospelib.study.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.gospelib.assistant.AssistantHistory;
import org.gospelib.platform.Fonts;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * A reader's notes as a printable PDF (A4): each note under its reference, with the text of the
 * verses it is on, then highlights, bookmarks and questions to the assistant. Drawn with DejaVu
 * (embedded as subsets), so every Latin diacritic, Greek and Hebrew prints; a character the font
 * lacks prints as a question mark rather than failing the export.
 */
final class StudyPdf {

    /** The text of a KJV-numbered verse in the translation the export quotes. */
    record VerseText(String translation, Function<VerseRef, Optional<String>> verse) {
    }

    /** Verses quoted under one note at most; a longer range is quoted up to here and marked as cut. */
    static final int MAX_QUOTED_VERSES = 12;

    private static final float MARGIN = 56;
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x5a, 0x5a, 0x5a);

    private final Fonts fonts;
    private final VerseText text;
    private final ExportWords words;

    StudyPdf(Fonts fonts, VerseText text, ExportWords words) {
        this.fonts = fonts;
        this.text = text;
        this.words = words;
    }

    byte[] render(Map<StudyKind, List<StudyItem>> items, List<AssistantHistory.Exchange> questions, String exportedAt) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(words.title());
            info.setCreator("GospeLib");
            Layout page = new Layout(document, PDType0Font.load(document, fonts.file(Fonts.Face.SERIF).toFile()),
                    PDType0Font.load(document, fonts.file(Fonts.Face.SERIF_BOLD).toFile()),
                    PDType0Font.load(document, fonts.file(Fonts.Face.SANS).toFile()));
            page.paragraph(page.bold, 22, INK, words.title(), 6);
            page.paragraph(page.sans, 9, MUTED, String.format(words.exportedOn(), exportedAt) + " "
                    + String.format(words.versesFrom(), text.translation()), 18);
            List<StudyItem> notes = items.getOrDefault(StudyKind.NOTE, List.of());
            page.paragraph(page.bold, 15, INK, words.notes() + " (" + notes.size() + ")", 10);
            for (StudyItem note : notes) {
                page.paragraph(page.bold, 12, INK, StudyExport.readable(note.osis(), words.locale()), 3);
                Optional<String> quoted = quote(note.osis());
                if (quoted.isPresent()) page.paragraph(page.serif, 10, MUTED, quoted.get(), 4);
                if (!note.tags().isEmpty()) page.paragraph(page.sans, 8.5f, MUTED, words.tags() + ": " + String.join(", ", note.tags()), 3);
                for (String paragraph : StudyExport.body(note).strip().split("\\R\\s*\\R")) {
                    if (!paragraph.isBlank()) page.paragraph(page.serif, 10.5f, INK, paragraph.replaceAll("\\s+", " "), 4);
                }
                page.space(10);
            }
            List<StudyItem> highlights = items.getOrDefault(StudyKind.HIGHLIGHT, List.of());
            page.paragraph(page.bold, 15, INK, words.highlights() + " (" + highlights.size() + ")", 8);
            for (StudyItem h : highlights) {
                page.paragraph(page.serif, 10.5f, INK, "• " + StudyExport.readable(h.osis(), words.locale()) + " — " + StudyExport.colour(h), 2);
            }
            page.space(10);
            List<StudyItem> bookmarks = items.getOrDefault(StudyKind.BOOKMARK, List.of());
            page.paragraph(page.bold, 15, INK, words.bookmarks() + " (" + bookmarks.size() + ")", 8);
            for (StudyItem b : bookmarks) {
                String folder = StudyExport.folder(b);
                page.paragraph(page.serif, 10.5f, INK, "• " + StudyExport.readable(b.osis(), words.locale()) + (folder.isBlank() ? "" : " (" + folder + ")"), 2);
            }
            page.space(10);
            page.paragraph(page.bold, 15, INK, words.questions() + " (" + questions.size() + ")", 8);
            for (AssistantHistory.Exchange q : questions) {
                page.paragraph(page.bold, 11, INK, q.question(), 2);
                page.paragraph(page.sans, 8.5f, MUTED, q.askedAt() + ", " + q.translation(), 3);
                for (String paragraph : q.answer().strip().split("\\R\\s*\\R")) {
                    if (!paragraph.isBlank()) page.paragraph(page.serif, 10.5f, INK, paragraph.replaceAll("\\s+", " "), 4);
                }
                page.space(8);
            }
            page.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The note's verses, numbered, in the export's translation; empty when none has text. */
    private Optional<String> quote(String osis) {
        List<VerseRef> verses;
        try {
            verses = OsisRange.parse(osis).verses(Versification.kjv());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        StringBuilder quoted = new StringBuilder();
        for (VerseRef ref : verses.subList(0, Math.min(verses.size(), MAX_QUOTED_VERSES))) {
            text.verse().apply(ref).filter(t -> !t.isBlank()).ifPresent(t -> {
                if (!quoted.isEmpty()) quoted.append(' ');
                if (verses.size() > 1) quoted.append(ref.verse()).append('\u00a0');
                quoted.append(t);
            });
        }
        if (quoted.isEmpty()) return Optional.empty();
        if (verses.size() > MAX_QUOTED_VERSES) quoted.append(" …");
        return Optional.of(quoted.toString());
    }

    /** Lines laid down the page from the top, a new page when one is full. */
    private static final class Layout {
        private final PDDocument document;
        final PDFont serif;
        final PDFont bold;
        final PDFont sans;
        private final Map<PDFont, Map<Integer, Boolean>> drawable = new HashMap<>();
        private PDPageContentStream stream;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

        Layout(PDDocument document, PDFont serif, PDFont bold, PDFont sans) throws IOException {
            this.document = document;
            this.serif = serif;
            this.bold = bold;
            this.sans = sans;
            newPage();
        }

        void paragraph(PDFont font, float size, Color colour, String text, float after) throws IOException {
            String clean = drawable(font, text);
            float leading = size * 1.35f;
            for (String line : wrap(font, size, clean)) {
                if (y - leading < MARGIN) newPage();
                y -= leading;
                stream.beginText();
                stream.setFont(font, size);
                stream.setNonStrokingColor(colour);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(line);
                stream.endText();
            }
            y -= after;
        }

        void space(float points) {
            y -= points;
        }

        void finish() throws IOException {
            stream.close();
        }

        private void newPage() throws IOException {
            if (stream != null) stream.close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private List<String> wrap(PDFont font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                if (word.isEmpty()) continue;
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) lines.add(line.toString());
                line.setLength(0);
                // a word wider than the line (a long URL) is cut where it must be
                String rest = word;
                while (width(font, size, rest) > width) {
                    int fit = rest.length() - 1;
                    while (fit > 1 && width(font, size, rest.substring(0, fit)) > width) fit--;
                    lines.add(rest.substring(0, fit));
                    rest = rest.substring(fit);
                }
                line.append(rest);
            }
            if (!line.isEmpty()) lines.add(line.toString());
            return lines;
        }

        private static float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** The text with control characters as spaces and characters the font cannot draw as '?'. */
        private String drawable(PDFont font, String text) {
            Map<Integer, Boolean> known = drawable.computeIfAbsent(font, f -> new HashMap<>());
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != '\u00a0') {
                    out.append(' ');
                    return;
                }
                boolean ok = known.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return true;
                    } catch (IOException | IllegalArgumentException e) {
                        return false;
                    }
                });
                if (ok) out.appendCodePoint(cp);
                else out.append('?');
            });
            return out.toString();
        }
    }
}
