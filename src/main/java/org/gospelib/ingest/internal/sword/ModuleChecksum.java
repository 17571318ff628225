package org.gospelib.ingest.internal.sword;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint of an installed module, to tell whether a module changed since it was last
 * ingested: SHA-256 over the conf file and the data files, streamed.
 *
 * <p>The files are taken in a stable order (conf first, then data files sorted by path) and each
 * is framed by its name relative to the library root and its length, so that moving bytes from
 * one file to the next, or renaming a file, changes the checksum. The library root itself is not
 * part of it: the same module installed elsewhere has the same checksum.
 */
public final class ModuleChecksum {

    private ModuleChecksum() {
    }

    /**
     * The lowercase hex SHA-256 of the module's files.
     *
     * @throws IOException if a file cannot be read
     */
    public static String of(SwordModule module) throws IOException {
        MessageDigest digest = sha256();
        List<Path> files = new ArrayList<>();
        files.add(module.confFile());
        files.addAll(module.dataFiles());
        Path root = module.conf().libraryRoot().toAbsolutePath().normalize();
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            String name = absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.getFileName().toString();
            digest.update((name + '\0' + Files.size(file) + '\0').getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
