package org.gospelib.content.internal.graph;

import java.util.Random;

/** Small random scripture graphs over the first verses, for comparing the graph's answers with plain ones. */
final class RandomGraphs {

    static final int VERSES = 60;

    private RandomGraphs() {
    }

    static ScriptureGraph random(long seed, int topics, int entries, int edges) {
        Random random = new Random(seed);
        GraphBuilder builder = new GraphBuilder();
        int[] topicIds = new int[topics];
        for (int i = 0; i < topics; i++) topicIds[i] = builder.addNode(NodeKind.TOPIC, "topic:T" + i, "T" + i);
        int[] entryIds = new int[entries];
        for (int i = 0; i < entries; i++) entryIds[i] = builder.addNode(NodeKind.COMMENTARY, "commentary:C:" + i, "C " + i);
        int web = builder.source("WEB");
        for (int i = 0; i < edges; i++) {
            int verse = random.nextInt(VERSES);
            float w = 0.05f + random.nextInt(20) / 10f;
            switch (random.nextInt(5)) {
                case 0 -> builder.addEdge(verse, random.nextInt(VERSES), EdgeKind.CROSS_REFERENCES, 2f, 2f, web);
                case 1, 2 -> {
                    if (topics > 0) builder.addEdge(topicIds[random.nextInt(topics)], verse, EdgeKind.LISTS, 1f, w, -1);
                }
                case 3 -> {
                    if (entries > 0) builder.addEdge(entryIds[random.nextInt(entries)], verse, EdgeKind.COVERS, w, w, -1);
                }
                default -> {
                    if (entries > 0) builder.addEdge(entryIds[random.nextInt(entries)], verse, EdgeKind.CITES, w, w, -1);
                }
            }
        }
        if (topics > 1) builder.addEdge(topicIds[0], topicIds[1], EdgeKind.SEE_ALSO, 1f, 1f, -1);
        return builder.build();
    }
}
