package org.gospelib.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations only expand the schema (docs/decisions/0013): the previous release must keep running
 * on it, so a rollback is the image alone. A statement that contracts — drops, renames, changes a
 * type, makes a column required — belongs in a migration whose name says {@code contract}, made a
 * release after the code stopped using the old shape. Two older migrations predate the rule and
 * are listed with what they did.
 */
class MigrationRulesTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CONTRACTING = Pattern.compile(
            "\\bdrop\\s+(table|column|index|view|type|schema|constraint)\\b|\\brename\\b|\\balter\\s+column\\s+\\w+\\s+(set\\s+data\\s+)?type\\b"
                    + "|\\bset\\s+not\\s+null\\b|\\badd\\s+column\\s+\\w+\\s+[\\w\\s()]*\\bnot\\s+null\\b(?![^,;]*\\bdefault\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Before the rule: what each did, and why it stands. */
    private static final Map<String, String> BEFORE_THE_RULE = Map.of(
            "V4__commentaries.sql", "replaced a check constraint by a wider one (a new kind allowed): an expansion in two statements",
            "V10__plan_sync.sql", "made two columns it added required: a release before it could not enrol a reader against it");

    @Test
    void everyMigrationOnlyExpandsTheSchemaUnlessItSaysItContracts() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.contains("contract") || BEFORE_THE_RULE.containsKey(name)) continue;
                Matcher found = CONTRACTING.matcher(withoutComments(Files.readString(file)));
                while (found.find()) violations.add(name + ": " + found.group());
            }
        }
        assertThat(violations).as("contracting statements outside a contract migration").isEmpty();
    }

    @Test
    void theRuleSeesWhatContracts() {
        for (String statement : List.of("alter table t drop column c;", "ALTER TABLE t RENAME COLUMN a TO b;",
                "alter table t alter column c type bigint;", "alter table t alter column c set not null;",
                "alter table t add column c text not null;", "drop table t;", "drop index i;")) {
            assertThat(CONTRACTING.matcher(statement).find()).as(statement).isTrue();
        }
        for (String statement : List.of("alter table t add column c text;", "alter table t add column c int not null default 1;",
                "create index concurrently i on t (c);", "create table t (id bigint primary key, name text not null);")) {
            assertThat(CONTRACTING.matcher(statement).find()).as(statement).isFalse();
        }
    }

    @Test
    void theMigrationsBeforeTheRuleAreStillThere() {
        assertThat(BEFORE_THE_RULE.keySet()).allSatisfy(name -> assertThat(MIGRATIONS.resolve(name)).exists());
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }
}
