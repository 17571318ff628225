package org.gospelib.platform;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared by every GospeLib process, bound from {@code gospelib.*} (environment variables
 * such as {@code GOSPELIB_DB_URL} and {@code GOSPELIB_DATA_DIR} bind too).
 *
 * @param dataDir where GospeLib keeps its files: the embedded database, logs
 * @param db      the database; leave {@code url} empty for an embedded PostgreSQL
 * @param redis   the Redis that replicas share (rate limits, graph answers); none by default
 */
@ConfigurationProperties("gospelib")
public record GospelibProperties(Path dataDir, Db db, Redis redis) {

    public GospelibProperties {
        if (dataDir == null) dataDir = Path.of("data");
        if (db == null) db = new Db("", "", "", 0, 0);
        if (redis == null) redis = new Redis("");
    }

    /** @param url a Redis URI such as {@code redis://127.0.0.1:6379}; empty when there is none */
    public record Redis(String url) {
        public Redis {
            if (url == null) url = "";
        }

        public Optional<String> sharedUrl() {
            return url.isBlank() ? Optional.empty() : Optional.of(url);
        }
    }

    /**
     * @param url          JDBC URL of an external PostgreSQL; empty for the embedded one
     * @param username     user for the external database
     * @param password     password for the external database
     * @param embeddedPort port of the embedded database, 0 for any free port
     * @param poolSize     maximum connections in the pool; 0 sizes it by the services the process runs
     */
    public record Db(String url, String username, String password, int embeddedPort, int poolSize) {
        public Db {
            if (url == null) url = "";
            if (username == null) username = "";
            if (password == null) password = "";
            if (poolSize < 0) poolSize = 0;
        }

        public Optional<String> externalUrl() {
            return url.isBlank() ? Optional.empty() : Optional.of(url);
        }
    }
}
