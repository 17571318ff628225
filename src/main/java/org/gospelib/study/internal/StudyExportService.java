package org.gospelib.study.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.assistant.AssistantHistory;
import org.gospelib.content.ScriptureText;
import org.gospelib.platform.Fonts;
import org.gospelib.study.ExportFormat;
import org.gospelib.study.StudyExports;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Builds a reader's export from their study data and assistant questions. */
@Service
class StudyExportService implements StudyExports {

    private final StudyService study;
    private final AssistantHistory assistant;
    private final JsonMapper json;
    private final ScriptureText scripture;
    private final Fonts fonts;
    private final Clock clock;
    private final org.gospelib.identity.Accounts accounts;

    StudyExportService(StudyService study, AssistantHistory assistant, JsonMapper json, ScriptureText scripture, Fonts fonts,
            Clock clock, org.gospelib.identity.Accounts accounts) {
        this.accounts = accounts;
        this.study = study;
        this.assistant = assistant;
        this.json = json;
        this.scripture = scripture;
        this.fonts = fonts;
        this.clock = clock;
    }

    @Override
    public ExportedDocument document(UUID userId, ExportFormat format, String translation) {
        Map<StudyKind, List<StudyItem>> items = new EnumMap<>(StudyKind.class);
        int count = 0;
        for (StudyKind kind : StudyKind.values()) {
            List<StudyItem> list = study.list(userId, kind, Optional.empty(), Optional.empty(), Optional.empty(), Integer.MAX_VALUE);
            items.put(kind, list);
            count += list.size();
        }
        List<AssistantHistory.Exchange> questions = assistant.of(userId);
        String now = clock.instant().toString();
        // headings and book names in the reader's language; what they wrote as they wrote it
        ExportWords words = ExportWords.of(accounts.contact(userId).map(org.gospelib.identity.Accounts.Contact::language).orElse("en"));
        byte[] content = switch (format) {
            case JSON -> json.writeValueAsBytes(export(items, questions, now));
            case MARKDOWN -> StudyExport.markdown(items, questions, now, words).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case PDF -> new StudyPdf(fonts, verseText(translation), words).render(items, questions, now);
        };
        return new ExportedDocument(content, format, count + questions.size());
    }

    static StudyAnswers.Export export(Map<StudyKind, List<StudyItem>> items, List<AssistantHistory.Exchange> questions,
            String now) {
        Map<String, List<StudyAnswers.Item>> collections = new LinkedHashMap<>();
        items.forEach((kind, list) -> collections.put(kind.collection(), list.stream().map(StudyAnswers.Item::of).toList()));
        return new StudyAnswers.Export(now, collections, questions);
    }

    /** The text of a verse range for the PDF, in the translation asked for when it is installed. */
    private StudyPdf.VerseText verseText(String translation) {
        String chosen = scripture.translations().stream().map(t -> t.id()).filter(translation::equalsIgnoreCase).findFirst()
                .orElse("KJV");
        return new StudyPdf.VerseText(chosen, ref -> scripture.verse(chosen, ref).map(v -> v.text()));
    }
}
