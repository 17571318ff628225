package org.gospelib.study.internal;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the highlights, notes, bookmarks and sync routes answer, as typed records. */
final class StudyAnswers {

    private StudyAnswers() {
    }

    /** A highlight (colour, offsets), a note (body, tags) or a bookmark (folder). */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Item(String id, String kind, String osis, Optional<String> colour, Optional<Integer> startOffset,
            Optional<Integer> endOffset, Optional<String> body, Optional<String> folder, Optional<List<String>> tags, int version,
            String createdAt, String updatedAt) {

        static Item of(StudyItem item) {
            Optional<String> colour = Optional.empty();
            Optional<Integer> start = Optional.empty();
            Optional<Integer> end = Optional.empty();
            Optional<String> body = Optional.empty();
            Optional<String> folder = Optional.empty();
            switch (item.data()) {
                case ItemData.Highlight h -> {
                    colour = Optional.of(h.colour());
                    start = h.startOffset();
                    end = h.endOffset();
                }
                case ItemData.Note n -> body = Optional.of(n.body());
                case ItemData.Bookmark b -> folder = Optional.of(b.folder());
                case ItemData.Removed r -> { }
            }
            return new Item(item.id().toString(), item.kind().id(), item.osis(), colour, start, end, body, folder,
                    item.kind() == StudyKind.NOTE ? Optional.of(item.tags()) : Optional.empty(), item.version(),
                    item.createdAt().toString(), item.updatedAt().toString());
        }
    }

    /** The items of one collection, under the collection's name ({@code {"notes": […]}}). */
    record Items(@JsonIgnore String collection, @JsonIgnore List<Item> items) {
        @JsonAnyGetter
        Map<String, Object> asJson() {
            return Map.of(collection, items);
        }
    }

    /** Everything a user kept: when, and each collection under its name. */
    /** @param assistant the reader's questions to the study assistant and its answers, oldest first */
    record Export(String exportedAt, @JsonIgnore Map<String, List<Item>> collections,
            List<org.gospelib.assistant.AssistantHistory.Exchange> assistant) {
        @JsonAnyGetter
        Map<String, Object> asJson() {
            return new LinkedHashMap<>(collections);
        }
    }

    /** One entry of a sync answer. */
    sealed interface Change permits ItemChange, Tombstone, PlanChange {
    }

    record ItemChange(@JsonUnwrapped Item item, boolean deleted) implements Change {
    }

    record Tombstone(String id, String kind, boolean deleted, int version, String updatedAt) implements Change {
    }

    /** A reading plan as it is now (a removed one without its content); its progress is the device's to work out. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record PlanChange(String id, String kind, Optional<String> plan, Optional<String> name, Optional<String> startDate,
            Optional<String> timeZone, Optional<Integer> totalDays, Optional<List<PlanAnswers.PlanDay>> days, boolean deleted,
            int version, String updatedAt) implements Change {

        static PlanChange of(PlanService.Enrolment plan) {
            boolean kept = !plan.deleted();
            return new PlanChange(plan.id().toString(), "plan", present(kept, plan.planKey()), present(kept, plan.name()),
                    present(kept, plan.start().toString()), present(kept, plan.zone().getId()), present(kept, plan.readings().size()),
                    present(kept, PlanAnswers.days(plan.readings(), plan.read())), plan.deleted(), plan.version(),
                    plan.updatedAt().toString());
        }

        private static <T> Optional<T> present(boolean kept, T value) {
            return kept ? Optional.of(value) : Optional.empty();
        }
    }

    static Change change(SyncEntry entry) {
        return switch (entry) {
            case StudyItem item when item.deleted() -> new Tombstone(item.id().toString(), item.kind().id(), true, item.version(),
                    item.updatedAt().toString());
            case StudyItem item -> new ItemChange(Item.of(item), false);
            case PlanService.Enrolment plan -> PlanChange.of(plan);
        };
    }

    record Sync(List<Change> changes, String cursor, boolean more) {
    }
}
