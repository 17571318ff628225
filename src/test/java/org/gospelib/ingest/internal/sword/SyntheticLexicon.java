package org.gospelib.ingest.internal.sword;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * Writes a small zLD module, for what the installed dictionaries do not have: links
 * ({@code @LINK}), LF-only key records, several blocks. Keys are stored in sorted order, entries
 * two to a block.
 */
final class SyntheticLexicon {

    private final Map<String, String> texts = new TreeMap<>();
    private final Map<String, String> links = new TreeMap<>();
    private boolean lfOnly;

    SyntheticLexicon entry(String key, String text) {
        texts.put(key, text);
        return this;
    }

    SyntheticLexicon link(String key, String target) {
        links.put(key, target);
        return this;
    }

    /** Ends key records with a bare LF instead of CRLF. */
    SyntheticLexicon lfOnly() {
        lfOnly = true;
        return this;
    }

    SwordModule writeTo(Path library, String name) throws IOException {
        String dir = "modules/lexdict/zld/" + name.toLowerCase();
        Files.createDirectories(library.resolve(dir));
        Files.createDirectories(library.resolve("mods.d"));
        Files.writeString(library.resolve("mods.d/" + name.toLowerCase() + ".conf"),
                "[" + name + "]\nDataPath=./" + dir + "/dict\nModDrv=zLD\nEncoding=UTF-8\nCompressType=ZIP\n");

        Map<String, Integer> entryNumber = new TreeMap<>();
        ByteArrayOutputStream zdt = new ByteArrayOutputStream();
        ByteArrayOutputStream zdx = new ByteArrayOutputStream();
        String[] keys = texts.keySet().toArray(String[]::new);
        for (int first = 0; first < keys.length; first += 2) {
            int count = Math.min(2, keys.length - first);
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            block.writeBytes(uint32s(count));
            int offset = 4 + 8 * count;
            byte[][] bodies = new byte[count][];
            for (int e = 0; e < count; e++) {
                bodies[e] = (texts.get(keys[first + e]) + "\0").getBytes(StandardCharsets.UTF_8);
                block.writeBytes(uint32s(offset, bodies[e].length));
                offset += bodies[e].length;
                entryNumber.put(keys[first + e], (first / 2) << 16 | e);
            }
            for (byte[] body : bodies) block.writeBytes(body);
            byte[] compressed = deflate(block.toByteArray());
            zdx.writeBytes(uint32s(zdt.size(), compressed.length));
            zdt.writeBytes(compressed);
        }

        Map<String, byte[]> records = new TreeMap<>();
        String eol = lfOnly ? "\n" : "\r\n";
        for (Map.Entry<String, Integer> e : entryNumber.entrySet()) {
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            record.writeBytes((e.getKey() + eol).getBytes(StandardCharsets.UTF_8));
            record.writeBytes(uint32s(e.getValue() >>> 16, e.getValue() & 0xffff));
            records.put(e.getKey(), record.toByteArray());
        }
        links.forEach((key, target) -> records.put(key, (key + eol + "@LINK " + target).getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream dat = new ByteArrayOutputStream();
        ByteArrayOutputStream idx = new ByteArrayOutputStream();
        for (byte[] record : records.values()) {
            idx.writeBytes(uint32s(dat.size(), record.length));
            dat.writeBytes(record);
            dat.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path prefix = library.resolve(dir).resolve("dict");
        Files.write(prefix.resolveSibling("dict.idx"), idx.toByteArray());
        Files.write(prefix.resolveSibling("dict.dat"), dat.toByteArray());
        Files.write(prefix.resolveSibling("dict.zdx"), zdx.toByteArray());
        Files.write(prefix.resolveSibling("dict.zdt"), zdt.toByteArray());
        return SwordLibrary.at(library).find(name).orElseThrow();
    }

    private static byte[] uint32s(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) b.putInt(v);
        return b.array();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        return out.toByteArray();
    }
}
