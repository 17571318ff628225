package org.gospelib.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gospelib.ingest.internal.commentary.CommentaryEntry;
import org.gospelib.ingest.internal.commentary.CommentaryParser;
import org.gospelib.ingest.internal.lexicon.NaveParser;
import org.gospelib.ingest.internal.lexicon.StrongsDictionary;
import org.gospelib.ingest.internal.lexicon.StrongsEntry;
import org.gospelib.ingest.internal.lexicon.StrongsParser;
import org.gospelib.ingest.internal.lexicon.Topic;
import org.gospelib.ingest.internal.sword.SwordModule;
import org.gospelib.ingest.internal.sword.ZLdReader;

/** Reads the reference works GospeLib knows how to use from SWORD lexicon and commentary modules. */
final class ReferenceWorkReader {

    /** Bump when parsing a reference work changes what is stored. */
    static final int PARSER_VERSION = 1;

    /** What a lexicon module holds, as far as GospeLib is concerned. */
    enum Kind { TOPICAL, STRONGS, COMMENTARY, OTHER }

    private ReferenceWorkReader() {
    }

    static Kind kindOf(SwordModule module) {
        if (CommentaryParser.isCommentary(module)) return Kind.COMMENTARY;
        if (!module.conf().driver().orElse("").toLowerCase(Locale.ROOT).startsWith("zld")) return Kind.OTHER;
        if (StrongsDictionary.of(module.conf()).isPresent()) return Kind.STRONGS;
        // Nave's is the topical index whose TEI layout the parser knows; other topical works differ.
        return module.name().equalsIgnoreCase("Nave") ? Kind.TOPICAL : Kind.OTHER;
    }

    static List<Topic> topics(SwordModule module) {
        try (var entries = ZLdReader.open(module).entries()) {
            return entries.map(NaveParser::parse).map(parsed -> parsed.topic()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + module.name(), e);
        }
    }

    static List<StrongsEntry> strongs(SwordModule module) {
        StrongsDictionary dictionary = StrongsDictionary.of(module.conf()).orElseThrow();
        try {
            return StrongsParser.parseAll(dictionary, ZLdReader.open(module).entries());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + module.name(), e);
        }
    }

    static List<CommentaryEntry> commentary(SwordModule module) {
        try {
            return CommentaryParser.parse(module);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + module.name(), e);
        }
    }

    static Optional<Kind> usable(SwordModule module) {
        Kind kind = kindOf(module);
        return kind == Kind.OTHER ? Optional.empty() : Optional.of(kind);
    }
}
