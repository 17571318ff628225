package org.gospelib.study.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.study.BookmarkCreated;
import org.gospelib.study.HighlightCreated;
import org.gospelib.study.NoteCreated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeping, changing and removing study items. Each write is one transaction: the item, the
 * user's change number, the idempotency record and the event publication commit together or
 * not at all.
 */
@Service
class StudyService {

    /** What a write did: the item, and whether it was created now (false: an earlier request with the same key did). */
    record Written(StudyItem item, boolean created) {
    }

    /** The If-Match the client sent did not match the item's current version. */
    static final class StaleVersion extends Exception {
        final StudyItem current;

        StaleVersion(StudyItem current) {
            super(null, null, false, false);
            this.current = current;
        }
    }

    private final StudyStore store;
    private final PlanService plans;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StudyService(StudyStore store, PlanService plans, ApplicationEventPublisher events) {
        this.store = store;
        this.plans = plans;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    Written create(UUID user, ItemDraft draft, Optional<String> idempotencyKey) throws StudyStore.IdempotencyConflict {
        long change = store.nextChange(user);
        String digest = digest(draft);
        if (idempotencyKey.isPresent()) {
            Optional<UUID> earlier = store.idempotentItem(user, idempotencyKey.get(), digest);
            if (earlier.isPresent()) {
                // the lock taken by nextChange is released with this transaction; the number is simply not used
                return new Written(store.find(user, draft.kind(), earlier.get()).orElseThrow(), false);
            }
        }
        Instant now = clock.instant();
        StudyItem item = new StudyItem(UUID.randomUUID(), draft.kind(), draft.anchor().osis(), draft.anchor().first(),
                draft.anchor().last(), draft.data(), draft.tags(), 1, change, false, now, now);
        store.insert(user, item);
        idempotencyKey.ifPresent(key -> store.rememberIdempotency(user, key, digest, item.id()));
        events.publishEvent(switch (draft.kind()) {
            case HIGHLIGHT -> new HighlightCreated(user, item.id(), item.osis(), now);
            case NOTE -> new NoteCreated(user, item.id(), item.osis(), now);
            case BOOKMARK -> new BookmarkCreated(user, item.id(), item.osis(), now);
        });
        return new Written(item, true);
    }

    @Transactional
    Optional<StudyItem> replace(UUID user, UUID id, ItemDraft draft, Optional<String> ifMatch) throws StaleVersion {
        long change = store.nextChange(user);
        Optional<StudyItem> current = store.find(user, draft.kind(), id).filter(i -> !i.deleted());
        if (current.isEmpty()) return Optional.empty();
        check(current.get(), ifMatch);
        StudyItem item = new StudyItem(id, draft.kind(), draft.anchor().osis(), draft.anchor().first(), draft.anchor().last(),
                draft.data(), draft.tags(), current.get().version() + 1, change, false, current.get().createdAt(), clock.instant());
        store.update(user, item);
        return Optional.of(item);
    }

    /** Leaves a tombstone; true if there was a live item to remove. */
    @Transactional
    boolean delete(UUID user, StudyKind kind, UUID id, Optional<String> ifMatch) throws StaleVersion {
        long change = store.nextChange(user);
        Optional<StudyItem> current = store.find(user, kind, id).filter(i -> !i.deleted());
        if (current.isEmpty()) return false;
        check(current.get(), ifMatch);
        StudyItem c = current.get();
        store.update(user, new StudyItem(id, kind, c.osis(), c.first(), c.last(), new ItemData.Removed(), List.of(), c.version() + 1,
                change, true, c.createdAt(), clock.instant()));
        return true;
    }

    @Transactional(readOnly = true)
    Optional<StudyItem> find(UUID user, StudyKind kind, UUID id) {
        return store.find(user, kind, id).filter(i -> !i.deleted());
    }

    @Transactional(readOnly = true)
    List<StudyItem> list(UUID user, StudyKind kind, Optional<Anchor> overlapping, Optional<String> tag,
            Optional<Instant> updatedSince, int limit) {
        return store.list(user, kind, overlapping, tag, updatedSince, limit);
    }

    /** Changes after a cursor (items and reading plans, in change order), and the cursor to ask from next time. */
    record Changes(List<SyncEntry> entries, long cursor, boolean more) {
    }

    /**
     * One snapshot for every query (repeatable read): a write that commits between them can
     * neither be missed by one query while a later number from the other moves the cursor past
     * it, nor be counted in the last change number while its row went unread.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Changes changes(UUID user, long since, int limit) {
        List<SyncEntry> entries = new ArrayList<>(store.changes(user, since, limit + 1));
        entries.addAll(plans.changes(user, since, limit + 1));
        entries.sort(Comparator.comparingLong(SyncEntry::change));
        boolean more = entries.size() > limit;
        if (more) entries = entries.subList(0, limit);
        // nothing new: the user's last change number, so a cursor ahead of stale data moves on
        long cursor = entries.isEmpty() ? Math.max(since, store.lastChange(user)) : entries.getLast().change();
        return new Changes(entries, cursor, more);
    }

    @Transactional
    int deleteEverything(UUID user) {
        return store.deleteUser(user);
    }

    private static void check(StudyItem current, Optional<String> ifMatch) throws StaleVersion {
        if (ifMatch.isPresent() && !ifMatch.get().strip().equals("*") && !ifMatch.get().strip().equals(current.etag())) {
            throw new StaleVersion(current);
        }
    }

    /** What identifies a create request, so that a reused Idempotency-Key with another body is caught. */
    private static String digest(ItemDraft draft) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((draft.kind() + "|" + draft.anchor().osis() + "|" + new java.util.TreeMap<>(draft.data().stored()) + "|" + draft.tags())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
