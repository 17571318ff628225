package org.gospelib.web.internal;

import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.scripture.VerseContent;
import org.gospelib.scripture.VerseRef;

/**
 * What a link to a reader page shows when shared (Open Graph and Twitter card tags): the verse's
 * reference and text, and its share card as the image.
 */
record OpenGraph(String title, String description, String url, String image) {

    private static final int DESCRIPTION = 200;

    /** The tags of a page showing {@code verse} of {@code translation}; {@code publicUrl} has no trailing slash. */
    static OpenGraph of(ScriptureText scripture, TranslationInfo translation, VerseRef verse, String pagePath, String publicUrl) {
        String text = scripture.verse(translation.id(), verse).map(VerseContent::text).orElse("");
        if (text.length() > DESCRIPTION) text = text.substring(0, text.lastIndexOf(' ', DESCRIPTION - 1) + 1).strip() + "\u2026";
        String title = Labels.verse(verse, translation.language()) + " (" + translation.id() + ")";
        return new OpenGraph(title, text, publicUrl + pagePath,
                publicUrl + "/v1/images/verses/" + translation.id() + "/" + verse.osis() + ".png");
    }
}
