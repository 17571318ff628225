package org.gospelib.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gospelib.content.ScriptureText;
import org.gospelib.content.TranslationInfo;
import org.springframework.stereotype.Component;

/** The translations a page may show, found by id whatever its case. */
@Component
class Translations {

    static final int MAX_PARALLEL = 3;

    private final ScriptureText scripture;

    Translations(ScriptureText scripture) {
        this.scripture = scripture;
    }

    /** Every translation; a 503 page while the corpus is still being loaded. */
    List<TranslationInfo> all() {
        List<TranslationInfo> all = scripture.translations();
        if (all.isEmpty()) {
            throw new PageProblem(503, "The library is opening",
                    "The scripture text is still being loaded. Try again in a few seconds.", List.of());
        }
        return all;
    }

    TranslationInfo primary() {
        return all().getFirst();
    }

    Optional<TranslationInfo> find(String id) {
        return all().stream().filter(t -> t.id().equalsIgnoreCase(id.strip())).findFirst();
    }

    TranslationInfo require(String id) {
        return find(id).orElseThrow(() -> PageProblem.notFound("No such translation",
                "There is no translation called '" + id + "'.",
                all().stream().map(t -> new PageProblem.Suggestion(t.name() + " (" + t.id() + ")", "/read/" + t.id())).toList()));
    }

    /** The translations shown beside the first, from a comma-separated list; unknown ids are an error. */
    List<TranslationInfo> parallel(TranslationInfo first, String ids) {
        Set<TranslationInfo> chosen = new LinkedHashSet<>();
        chosen.add(first);
        for (String id : ids.split(",")) {
            if (id.isBlank()) continue;
            chosen.add(require(id));
        }
        if (chosen.size() > MAX_PARALLEL) {
            throw PageProblem.badRequest("Too many translations", "The parallel view shows at most " + MAX_PARALLEL + " translations.");
        }
        return new ArrayList<>(chosen);
    }
}
