package org.gospelib.scripture.bench;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gospelib.scripture.ReferenceParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@link ReferenceParser} on a fixed mix of realistic references; one operation
 * is one reference, so the score reads directly as references per second per thread. The target
 * is at least 250,000.
 *
 * <pre>
 * mvn -q -o test-compile
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main ReferenceParserBenchmark \
 *     -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ReferenceParserBenchmark {

    /** Must match {@code @OperationsPerInvocation}, so that the score counts references. */
    private static final int REFERENCE_COUNT = 20;

    /** Single verses, ranges, lists, Spanish, abbreviations, OSIS: what users and notes contain. */
    static final String[] REFERENCES = {
            "John 3:16",
            "Rom 8",
            "Gen 1:1-2:3",
            "Jn 3:16-18",
            "Matt 5:3-12; 6:9-13",
            "Ps 23",
            "1 Cor 13:4-7",
            "Juan 3:16",
            "Hch 2:38, 41; 4:12",
            "Salmo 119:105",
            "1 Co 15:1-4",
            "Apocalipsis 21:1-4",
            "Rom 5-8",
            "Jude 3",
            "John 3:16, 18; 4:1",
            "Gen 50 - Exod 2",
            "Heb 11:1ff",
            "Santiago 1:5",
            "Psalm 3 title",
            "John.3.16-John.3.18,Rom.8"};

    /**
     * What people type that needs more than the table: misspellings, other numberings, titles,
     * connecting words, verse parts, Roman chapters, the European comma, full-width digits.
     */
    static final String[] TYPED = {
            "Genisis 1:1",
            "Phillipians 4:13",
            "1 Corinthains 13:4",
            "Mathew 5:3-12",
            "3 Kings 2",
            "The Gospel according to Saint Matthew 5:3",
            "San Juan 3:16",
            "John 3:16 to 18",
            "Matt 5 through 7",
            "Rom 8:28 and 29",
            "John chapter 3 verse 16",
            "John 3 vv. 16-18",
            "Ps 23:1a",
            "John iii. 16",
            "Jn 3,16",
            "\uFF2A\uFF4F\uFF48\uFF4E \uFF13\uFF1A\uFF11\uFF16",
            "Titus 1:1, chapter 2",
            "Primera de Corintios 13:4",
            "Juan 3:16 al 18",
            "Revelations 21:4"};

    private ReferenceParser parser;

    @Setup
    public void setUp() {
        if (REFERENCES.length != REFERENCE_COUNT || TYPED.length != REFERENCE_COUNT) {
            throw new IllegalStateException("update REFERENCE_COUNT");
        }
        parser = ReferenceParser.create();
    }

    @Benchmark
    @OperationsPerInvocation(REFERENCE_COUNT)
    public void parse(Blackhole blackhole) {
        for (String reference : REFERENCES) blackhole.consume(parser.parse(reference));
    }

    /** The harder mix: each reference here goes through a slower path (a fuzzy name, a title, a connector). */
    @Benchmark
    @OperationsPerInvocation(REFERENCE_COUNT)
    public void parseTyped(Blackhole blackhole) {
        for (String reference : TYPED) blackhole.consume(parser.parse(reference));
    }

    @Benchmark
    @OperationsPerInvocation(REFERENCE_COUNT)
    public void parseToOsis(Blackhole blackhole) {
        for (String reference : REFERENCES) blackhole.consume(parser.parse(reference).osis());
    }

    /**
     * Baseline: one precompiled regular expression that only splits "book chapter:verse-verse"
     * into groups, with no name lookup, lists, ranges across chapters or validation; the least
     * any parser must do, measured in the same run.
     */
    @Benchmark
    @OperationsPerInvocation(REFERENCE_COUNT)
    public void baselineRegexSplit(Blackhole blackhole) {
        for (String reference : REFERENCES) {
            Matcher m = SIMPLE.matcher(reference);
            blackhole.consume(m.find() ? m.group(1) + m.group(2) + m.group(3) : reference);
        }
    }

    private static final Pattern SIMPLE = Pattern.compile("^\\s*((?:[1-3]\\s*)?\\p{L}+\\.?)\\s*(\\d+)?(?::(\\d+))?");

    @Benchmark
    @OperationsPerInvocation(REFERENCE_COUNT)
    public void parseLenient(Blackhole blackhole) {
        for (String reference : REFERENCES) blackhole.consume(parser.parseLenient(reference));
    }
}
