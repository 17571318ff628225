package org.gospelib.ingest.internal.osis;

/**
 * Marks that can stay open from one verse into the next: red-letter quotations written as
 * milestones ({@code <q sID=… who="Jesus"/>} … {@code <q eID=…/>}) routinely span verses, and a
 * divine name left open by a broken fragment can too. A caller reading verses in order passes
 * each verse's end state as the next verse's start state.
 *
 * @param wordsOfJesus inside words of Jesus
 * @param divineName   inside a divine name
 */
public record MarkState(boolean wordsOfJesus, boolean divineName) {

    /** Nothing open: the state at the start of a book. */
    public static final MarkState NONE = new MarkState(false, false);
}
