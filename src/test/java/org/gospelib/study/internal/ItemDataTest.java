package org.gospelib.study.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** An item's fields survive being stored as JSON and read back, whatever they hold. */
class ItemDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Property(tries = 500)
    void whatIsStoredReadsBackAsItWas(@ForAll("items") ItemData data) {
        StudyKind kind = switch (data) {
            case ItemData.Highlight h -> StudyKind.HIGHLIGHT;
            case ItemData.Note n -> StudyKind.NOTE;
            case ItemData.Bookmark b -> StudyKind.BOOKMARK;
            case ItemData.Removed r -> StudyKind.NOTE;
        };
        Map<String, Object> stored = JSON.readValue(JSON.writeValueAsString(data.stored()), new TypeReference<Map<String, Object>>() { });
        assertThat(ItemData.read(kind, stored)).isEqualTo(data);
    }

    @Provide
    Arbitrary<ItemData> items() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(200);
        Arbitrary<ItemData> highlights = Combinators.combine(Arbitraries.of(ItemDraft.COLOURS), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000), Arbitraries.of(true, false))
                .as((colour, a, b, withOffsets) -> withOffsets ? new ItemData.Highlight(colour, Optional.of(a), Optional.of(b))
                        : new ItemData.Highlight(colour, Optional.empty(), Optional.empty()));
        return Arbitraries.oneOf(highlights, text.map(ItemData.Note::new), text.map(ItemData.Bookmark::new),
                Arbitraries.just(new ItemData.Removed()));
    }
}
