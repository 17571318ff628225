package org.gospelib.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.junit.jupiter.api.Test;

class MappingAlignmentTest {

    @Test
    void placesKjvVersesWhereASynodalModuleNumbersThem() {
        Map<VerseRef, TranslationImage.Alignment> rows = BibleModuleReader.alignByMapping(
                Versification.named("Synodal").orElseThrow()).stream()
                .collect(Collectors.toMap(TranslationImage.Alignment::kjvRef, Function.identity()));
        // Synodal numbers KJV Num 12:16 as 13:1, and every verse of Num 13 one higher.
        assertThat(rows.get(VerseRef.of("Num", 12, 16)).nativeRef()).contains(VerseRef.of("Num", 13, 1));
        assertThat(rows.get(VerseRef.of("Num", 13, 1)).nativeRef()).contains(VerseRef.of("Num", 13, 2));
        // Lev 14:55-56 are one Synodal verse.
        assertThat(rows.get(VerseRef.of("Lev", 14, 56)).nativeRef()).contains(VerseRef.of("Lev", 14, 55));
        assertThat(rows).doesNotContainKey(VerseRef.of("John", 3, 16));
    }

    @Test
    void recordsNothingForSystemsThatFollowKjv() {
        assertThat(BibleModuleReader.alignByMapping(Versification.kjv())).isEmpty();
        assertThat(BibleModuleReader.alignByMapping(Versification.named("NRSVA").orElseThrow())).isEmpty();
    }

    @Test
    void everyRecordedVerseIsAKjvVerse() {
        assertThat(BibleModuleReader.alignByMapping(Versification.named("Vulg").orElseThrow()))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(Versification.kjv().contains(a.kjvRef())).isTrue())
                .noneMatch(a -> a.nativeRef().equals(Optional.of(a.kjvRef())));
    }
}
