package org.gospelib.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gospelib.scripture.Mark;
import org.gospelib.scripture.Segment;
import org.gospelib.scripture.VerseContent;
import org.springframework.web.util.HtmlUtils;

class VerseHtmlPropertiesTest {

    @Property
    void theRenderedTextIsTheVerseTextWhateverItHolds(@ForAll("verses") VerseContent verse) {
        String html = VerseHtml.render(verse, null);
        assertThat(HtmlUtils.htmlUnescape(html.replaceAll("<[^>]*>", ""))).isEqualTo(verse.text());
        assertThat(html.replaceAll("<(/?)(i|span|span class=\"(wj|dn)\")>", "")).doesNotContain("<");
        assertThat(wellNested(html)).as(html).isTrue();
    }

    @Property
    void withStrongsEachTaggedWordLinksToItsLemmaAndTheTextSurvives(@ForAll("verses") VerseContent verse) {
        String html = VerseHtml.render(verse, number -> "gloss <of> " + number);
        String withoutNumbers = html.replaceAll("<sup>[^<]*</sup>", "");
        assertThat(HtmlUtils.htmlUnescape(withoutNumbers.replaceAll("<[^>]*>", ""))).isEqualTo(verse.text());
        long tagged = verse.segments().stream().filter(s -> !s.strongs().isEmpty() && !s.text().isBlank()).count();
        assertThat(html.split("<a class=\"w\"", -1).length - 1).isEqualTo(tagged);
        assertThat(html).doesNotContain("<of>");
        assertThat(wellNested(html)).as(html).isTrue();
    }

    /** Every element closed, in the reverse order of opening. */
    static boolean wellNested(String html) {
        java.util.Deque<String> open = new java.util.ArrayDeque<>();
        var tags = java.util.regex.Pattern.compile("<(/?)(\\w+)[^>]*>").matcher(html);
        while (tags.find()) {
            if (tags.group(1).isEmpty()) open.push(tags.group(2));
            else if (open.isEmpty() || !open.pop().equals(tags.group(2))) return false;
        }
        return open.isEmpty();
    }

    @Provide
    Arbitrary<VerseContent> verses() {
        Arbitrary<String> text = Arbitraries.strings().withChars("ab <>&\"'¶éΩ").ofMinLength(1).ofMaxLength(8);
        Arbitrary<Set<Mark>> marks = Arbitraries.of(Mark.class).set().ofMaxSize(3)
                .map(s -> s.isEmpty() ? Set.<Mark>of() : EnumSet.copyOf(s));
        Arbitrary<List<String>> strongs = Arbitraries.of("H430", "G26", "G25").list().ofMaxSize(2);
        Arbitrary<Segment> segment = Combinators.combine(text, marks, strongs).as(Segment::new);
        return segment.list().ofMinSize(1).ofMaxSize(12).map(segments -> {
            StringBuilder plain = new StringBuilder();
            segments.forEach(s -> plain.append(s.text()));
            return new VerseContent(plain.toString(), new ArrayList<>(segments), List.of(), "");
        });
    }
}
