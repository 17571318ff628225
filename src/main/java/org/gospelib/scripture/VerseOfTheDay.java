package org.gospelib.scripture;

import java.time.LocalDate;
import java.util.List;

/**
 * A verse for each day, from a list of verses readers most often look up; the same for everyone on
 * a given date (the home page stays cacheable, and the emailed verse is the one on the page).
 */
public final class VerseOfTheDay {

    public static final List<String> VERSES = List.of("John.3.16", "Ps.23.1", "Phil.4.13", "Rom.8.28", "Jer.29.11",
            "Prov.3.5", "Isa.41.10", "Matt.11.28", "Josh.1.9", "Rom.12.2", "Gal.5.22", "Heb.11.1", "2Tim.1.7",
            "Ps.46.1", "Matt.6.33", "1Cor.13.4", "John.14.6", "Eph.2.8", "Rom.5.8", "Ps.119.105", "Isa.40.31",
            "1Pet.5.7", "Ps.27.1", "Mic.6.8", "Lam.3.22", "John.1.1", "2Cor.5.17", "Heb.12.1", "Ps.139.14", "Matt.5.9",
            "Col.3.23", "Jas.1.5", "Deut.31.6", "Ps.37.4", "Prov.16.3", "John.16.33", "Rom.15.13", "Phil.4.6",
            "1John.4.19", "Eph.4.32", "Ps.91.1", "Isa.26.3", "Matt.22.37", "Rom.10.9", "Gen.1.1", "Rev.21.4",
            "Ps.121.1", "Zeph.3.17", "John.11.25", "1Thess.5.16");

    private VerseOfTheDay() {
    }

    public static VerseRef on(LocalDate date) {
        return VerseRef.parseOsis(VERSES.get(Math.floorMod(date.toEpochDay(), VERSES.size())));
    }
}
