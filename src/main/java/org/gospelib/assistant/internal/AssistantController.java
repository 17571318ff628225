package org.gospelib.assistant.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.billing.Entitlements;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.gospelib.identity.Accounts;
import org.gospelib.identity.Caller;
import org.gospelib.platform.ProblemException;
import org.gospelib.platform.UserText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Ask the assistant, as server-sent events ({@code Accept: text/event-stream}) or as one JSON
 * answer; list, read and delete one's questions and answers.
 */
@RestController
@Tag(name = "Assistant", description = "Questions answered from the corpus, every citation checked")
class AssistantController {

    private static final Logger log = LoggerFactory.getLogger(AssistantController.class);
    static final int MAX_QUESTION = 500;
    private static final int MAX_LIST = 100;

    private final AssistantService assistant;
    private final QuestionQuota quota;
    private final ExchangeStore exchanges;
    private final ScriptureText text;
    private final Accounts accounts;

    AssistantController(AssistantService assistant, QuestionQuota quota, ExchangeStore exchanges, ScriptureText text,
            Accounts accounts) {
        this.assistant = assistant;
        this.quota = quota;
        this.exchanges = exchanges;
        this.text = text;
        this.accounts = accounts;
    }

    /** @param translation default: the first translation in {@code language}, else the first */
    record AskRequest(String question, String translation, String language) {
    }

    /** The whole answer, for clients that do not read event streams. */
    record Answer(UUID id, String question, String translation, String source, boolean cached, boolean relevant,
            List<AssistantEvent.SourceSummary> sources, List<AnswerPart> parts, AssistantEvent.Citations citations) {
    }

    record ExchangeAnswer(UUID id, Instant askedAt, String translation, String language, String question, String source,
            List<AnswerPart> parts) {
        static ExchangeAnswer of(ExchangeStore.Stored s) {
            return new ExchangeAnswer(s.id(), s.askedAt(), s.translation(), s.language(), s.question(), s.source(), s.parts());
        }
    }

    /** @param next pass as {@code before} for older exchanges; absent on the last page */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
    record ExchangePage(List<ExchangeAnswer> exchanges, Optional<String> next) {
    }

    @PostMapping(path = "/v1/assistant/questions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE})
    @Operation(summary = "Ask a question", description = "Answered from the corpus (verses, topics, commentaries, "
            + "lexicon, graph) with every citation checked. With Accept: text/event-stream the answer streams as events "
            + "sources, part (text or a checked citation), restart, done; otherwise it comes as one JSON document.")
    ResponseEntity<?> ask(@RequestBody AskRequest body, HttpServletRequest request) {
        Caller caller = Caller.of(request).orElseThrow(AssistantProblems::authenticationRequired);
        UUID user = accounts.signedIn(request);
        Question question = question(body);
        int perHour = Entitlements.of(caller.plan()).assistantQuestionsPerHour();
        QuestionQuota.Taken taken = quota.take(user, perHour);
        // the problem's retryAfterSeconds becomes its Retry-After header
        if (!taken.allowed()) throw AssistantProblems.quotaExceeded(perHour, taken.retryAfter());
        String accept = Optional.ofNullable(request.getHeader(HttpHeaders.ACCEPT)).orElse("");
        if (accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore()).header("X-Accel-Buffering", "no").body(stream(user, question));
        AssistantService.Answered a = assistant.answer(user, question, event -> { });
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Answer(a.done().id(), question.text(),
                question.translation(), a.done().source(), a.done().cached(), a.sources().relevant(), a.sources().sources(),
                a.parts(), a.done().citations()));
    }

    private SseEmitter stream(UUID user, Question question) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(3).toMillis());
        Thread.ofVirtual().name("assistant-answer").start(() -> {
            try {
                assistant.answer(user, question, event -> send(emitter, event.name(),
                        event instanceof AssistantEvent.Part p ? p.part() : event));
                emitter.complete();
            } catch (EmitterGone gone) {
                log.debug("assistant: the reader left before the answer was complete");
            } catch (RuntimeException e) {
                log.warn("assistant: could not answer: {}", e.toString(), e);
                try {
                    ProblemException problem = e instanceof ProblemException p ? p
                            : new ProblemException("assistant-failed", "The answer could not be completed", 500,
                                    "something went wrong while answering; ask again");
                    emitter.send(SseEmitter.event().name("error").data(new StreamProblem(problem.type(), problem.title(),
                            problem.status(), problem.getMessage()), MediaType.APPLICATION_JSON));
                } catch (IOException | IllegalStateException ignored) {
                    // the reader is gone
                }
                emitter.complete();
            }
        });
        return emitter;
    }

    /** A problem in the event stream, once its 200 has been sent. */
    record StreamProblem(String type, String title, int status, String detail) {
    }

    private static final class EmitterGone extends RuntimeException {
        EmitterGone(Throwable cause) {
            super(cause);
        }
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            throw new EmitterGone(e);
        }
    }

    @GetMapping("/v1/assistant/questions")
    @Operation(summary = "My questions and answers", description = "Newest first; before= the previous page's next.")
    ResponseEntity<ExchangePage> list(@RequestParam(defaultValue = "20") String limit, @RequestParam(defaultValue = "") String before,
            HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        int n;
        try {
            n = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw AssistantProblems.invalidParameter("limit", "limit must be a whole number from 1 to " + MAX_LIST);
        }
        if (n < 1 || n > MAX_LIST) throw AssistantProblems.invalidParameter("limit", "limit must be from 1 to " + MAX_LIST);
        Optional<Instant> cursor;
        try {
            cursor = before.isBlank() ? Optional.empty() : Optional.of(Instant.parse(before.strip()));
        } catch (DateTimeParseException e) {
            throw AssistantProblems.invalidParameter("before", "before must be the next value of an earlier page");
        }
        List<ExchangeStore.Stored> page = exchanges.list(user, cursor, n + 1);
        Optional<String> next = page.size() > n ? Optional.of(page.get(n - 1).askedAt().toString()) : Optional.empty();
        List<ExchangeAnswer> answers = page.stream().limit(n).map(ExchangeAnswer::of).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ExchangePage(answers, next));
    }

    @GetMapping("/v1/assistant/questions/{id}")
    @Operation(summary = "One of my questions and its answer")
    ResponseEntity<ExchangeAnswer> one(@PathVariable String id, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        return exchanges.find(user, uuid(id)).map(ExchangeAnswer::of)
                .map(a -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(a))
                .orElseThrow(() -> AssistantProblems.notFound("no question " + AssistantProblems.clip(id)));
    }

    @DeleteMapping("/v1/assistant/questions/{id}")
    @Operation(summary = "Delete one of my questions and its answer")
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        if (!exchanges.delete(user, uuid(id))) throw AssistantProblems.notFound("no question " + AssistantProblems.clip(id));
        return ResponseEntity.noContent().build();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw AssistantProblems.notFound("no question " + AssistantProblems.clip(id));
        }
    }

    private Question question(AskRequest body) {
        String q = body == null || body.question() == null ? "" : body.question().strip();
        if (q.isEmpty()) throw AssistantProblems.invalidQuestion("question", "ask a question");
        UserText.problem(q, true).ifPresent(p -> {
            throw AssistantProblems.invalidQuestion("question", "the question " + p);
        });
        if (UserText.length(q) > MAX_QUESTION) {
            throw AssistantProblems.invalidQuestion("question", "a question has at most " + MAX_QUESTION + " characters");
        }
        List<TranslationInfo> translations = text.translations();
        if (translations.isEmpty()) throw AssistantProblems.corpusNotReady();
        String language = body.language() == null ? "" : body.language().strip().toLowerCase(Locale.ROOT);
        if (!language.isEmpty() && !language.equals("en") && !language.equals("es")) {
            throw AssistantProblems.invalidQuestion("language", "language must be en or es");
        }
        TranslationInfo translation;
        String asked = body.translation() == null ? "" : body.translation().strip();
        if (!asked.isEmpty()) {
            translation = translations.stream().filter(t -> t.id().equalsIgnoreCase(asked)).findFirst()
                    .orElseThrow(() -> AssistantProblems.unknownTranslation(asked));
        } else {
            translation = translations.stream().filter(t -> t.language().equals(language)).findFirst().orElse(translations.getFirst());
        }
        String answerLanguage = !language.isEmpty() ? language : translation.language().equals("es") ? "es" : "en";
        return new Question(q, translation.id(), answerLanguage);
    }
}
