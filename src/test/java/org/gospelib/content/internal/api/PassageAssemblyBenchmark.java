package org.gospelib.content.internal.api;

import org.gospelib.content.internal.corpus.ApiModel;
import org.gospelib.content.internal.corpus.SnapshotHolder;
import org.gospelib.content.internal.corpus.TranslationSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gospelib.GospelibApplication;
import org.gospelib.scripture.VerseRef;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passage assembly on the real corpus: the snapshot's pre-rendered verse JSON copied into an
 * answer, against the obvious way (build the answer as objects from the verse model, serialise
 * with Jackson) measured in the same run. Run with {@code ./gospelib bench jmh PassageAssembly}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PassageAssemblyBenchmark {

    @Param({"John 3:16|KJV", "John 3|KJV", "Rom 5-8|KJV,WEB"})
    public String request;

    private ConfigurableApplicationContext context;
    private References references;
    private PassageAssembler assembler;
    private JsonMapper mapper;
    private List<TranslationSnapshot> translations;
    private String reference;
    private References.Resolved resolved;
    private ApiModel.Passage modelOfThePassage;

    @Setup(Level.Trial)
    public void start() {
        context = new SpringApplicationBuilder(GospelibApplication.class).web(WebApplicationType.NONE)
                .run("--gospelib.data-dir=target/bench-data", "--gospelib.ingest.on-start=if-empty",
                        "--logging.level.root=warn", "--logging.file.name=target/bench-data/logs/jmh.log");
        SnapshotHolder snapshots = context.getBean(SnapshotHolder.class);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!snapshots.current().isLoaded() && System.nanoTime() < deadline) Thread.onSpinWait();
        references = context.getBean(References.class);
        assembler = context.getBean(PassageAssembler.class);
        mapper = context.getBean(JsonMapper.class);
        String[] parts = request.split("\\|");
        reference = parts[0];
        translations = new ArrayList<>();
        for (String id : parts[1].split(",")) translations.add(snapshots.current().translation(id).orElseThrow());
        resolved = references.resolve(reference);
        modelOfThePassage = asObjects(resolved);
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    /** What a request costs in content: parse the reference, then assemble from the snapshot. */
    @Benchmark
    public byte[] parseAndAssemble() {
        return assembler.assemble(reference, references.resolve(reference), translations);
    }

    /** Assembly alone, from the snapshot's pre-rendered verse JSON. */
    @Benchmark
    public byte[] assemblePreRendered() {
        return assembler.assemble(reference, resolved, translations);
    }

    /** Baseline: the same answer from verse objects already in memory, serialised by Jackson per request. */
    @Benchmark
    public byte[] baselineJacksonFromObjects() {
        return mapper.writeValueAsBytes(modelOfThePassage);
    }

    private ApiModel.Passage asObjects(References.Resolved resolved) {
        List<ApiModel.PassagePart> parts = new ArrayList<>();
        for (References.Part part : resolved.parts()) {
            List<ApiModel.ParallelVerse> verses = new ArrayList<>();
            for (VerseRef ref : part.verses()) {
                List<ApiModel.VerseJson> columns = new ArrayList<>();
                for (TranslationSnapshot t : translations) {
                    t.atKjv(ref).ifPresent(e -> columns.add(ApiModel.VerseJson.of(t.id(), e.nativeRef(), e.content())));
                }
                verses.add(new ApiModel.ParallelVerse(ref.osis(), ref.book(), ref.chapter(), ref.verse(), columns));
            }
            parts.add(new ApiModel.PassagePart(part.osis(), verses));
        }
        return new ApiModel.Passage(reference, resolved.osis(), translations.stream().map(TranslationSnapshot::id).toList(),
                parts);
    }
}
