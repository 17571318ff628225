package org.gospelib.web.internal;

import java.util.List;
import org.gospelib.content.ReferenceLibrary;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;
import org.springframework.stereotype.Component;

/** Builds the {@link VersePanel} of a verse in a translation. */
@Component
class PanelAssembler {

    static final int RELATED = 10;

    private final ScriptureText scripture;
    private final ReferenceLibrary library;

    PanelAssembler(ScriptureText scripture, ReferenceLibrary library) {
        this.scripture = scripture;
        this.library = library;
    }

    VersePanel assemble(VerseRef verse, TranslationInfo translation) {
        List<VersePanel.Related> related = library.related(verse, RELATED).stream()
                .map(r -> new VersePanel.Related(r.verse().osis(), Labels.verse(r.verse(), translation.language()),
                        Links.verse(translation.id(), r.verse()), text(translation, r.verse()), String.join("; ", r.reasons())))
                .toList();
        List<VersePanel.Commentary> commentary = library.commentaryOn(verse).stream()
                .map(c -> new VersePanel.Commentary(c.module(), Labels.range(c.first(), c.last(), translation.language()), c.title(), c.text()))
                .toList();
        return new VersePanel(verse.osis(), Labels.verse(verse, translation.language()), translation.id(),
                text(translation, verse), related, library.topicsOf(verse), commentary);
    }

    private String text(TranslationInfo translation, VerseRef verse) {
        return scripture.verse(translation.id(), verse).map(VerseContent::text).orElse("");
    }
}
