package org.gospelib.ingest.internal.sword;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SWORD library the tests read: Debian's {@code /usr/share/sword}, or the directory named by
 * the {@code gospelib.sword.root} system property. Tests fail, never skip, when a module is
 * missing, so that a machine without the modules cannot pass silently.
 */
public final class InstalledSword {

    static final String KJV = "engKJV2006eb";
    static final String WEB = "engWEB2015eb";
    static final String RV1909 = "spaRV1909eb";
    static final String MHCC = "MHCC";
    static final String TDAVID = "TDavid";
    public static final String NAVE = "Nave";
    public static final String STRONGS_GREEK = "StrongsGreek";
    public static final String STRONGS_HEBREW = "StrongsHebrew";

    private static final String PACKAGES = "sword-text-kjv sword-text-web sword-text-sparv sword-comm-mhcc "
            + "sword-comm-scofield sword-comm-tdavid sword-dict-strongs-greek sword-dict-strongs-hebrew sword-dict-naves";

    private InstalledSword() {
    }

    static Path root() {
        return Path.of(System.getProperty("gospelib.sword.root", "/usr/share/sword"));
    }

    static SwordLibrary library() {
        Path root = root();
        if (!Files.isDirectory(root.resolve("mods.d"))) {
            fail("no SWORD library at " + root + ": install the Debian packages " + PACKAGES);
        }
        try {
            return SwordLibrary.at(root);
        } catch (IOException e) {
            throw new AssertionError("cannot read the SWORD library at " + root, e);
        }
    }

    static SwordModule module(String name) {
        return library().find(name).orElseThrow(() -> new AssertionError(
                "SWORD module " + name + " is not installed under " + root() + ": install the Debian packages " + PACKAGES));
    }

    /** An installed module, failing the test when it is missing. */
    public static SwordModule installed(String name) {
        return module(name);
    }

    static ZTextReader open(String name) {
        try {
            return ZTextReader.open(module(name));
        } catch (IOException e) {
            throw new AssertionError("cannot open " + name, e);
        }
    }

    /** Opens an installed zLD module, failing the test when it is missing. */
    public static ZLdReader openLexicon(String name) {
        try {
            return ZLdReader.open(module(name));
        } catch (IOException e) {
            throw new AssertionError("cannot open " + name, e);
        }
    }
}
