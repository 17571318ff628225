package org.gospelib.assistant.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/**
 * A piece of an answer as it reaches the reader: text, or a citation already checked against the
 * corpus. A citation that failed is never sent as valid: it carries its status and why.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = AnswerPart.Text.class, name = "text"),
        @JsonSubTypes.Type(value = AnswerPart.Citation.class, name = "citation")})
sealed interface AnswerPart {

    /** Plain text of the answer. */
    record Text(String text) implements AnswerPart {
    }

    /**
     * A citation and, when the answer quoted scripture before it, the quotation.
     *
     * @param osis        the reference as cited, normalised to OSIS when it could be read
     * @param label       the reference for people ({@code John 3:16})
     * @param status      whether the citation holds
     * @param quote       the text quoted as this passage's, if any
     * @param translation the translation the quotation was found in, if it was
     * @param reason      why a citation failed; empty when verified
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Citation(String osis, String label, Status status, Optional<String> quote, Optional<String> translation,
            Optional<String> reason) implements AnswerPart {

        @com.fasterxml.jackson.annotation.JsonIgnore
        boolean verified() {
            return status == Status.VERIFIED;
        }
    }

    /** What checking a citation found. */
    enum Status {
        /** The passage exists, and any quotation is its text. */
        @JsonProperty("verified")
        VERIFIED,
        /** No such passage in the translation (an invented or mistyped reference): shown as removed. */
        @JsonProperty("removed")
        REMOVED,
        /** The passage exists but the quotation is not its text: shown marked, never as the passage's words. */
        @JsonProperty("misquoted")
        MISQUOTED
    }
}
