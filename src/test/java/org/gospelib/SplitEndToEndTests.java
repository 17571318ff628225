package org.gospelib;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gospelib.support.Http;
import org.gospelib.support.SplitDeployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The end-to-end suite against GospeLib split into its services, each a process on loopback
 * behind the gateway (two content replicas), sharing the test database and a Pub/Sub emulator;
 * plus what only a split deployment can show: service ports refuse requests that did not come
 * through the gateway, and losing a content replica loses no request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SplitEndToEndTests extends EndToEndSuite {

    private SplitDeployment split;

    @BeforeAll
    void startTheServices() throws Exception {
        new Http(port).awaitReady(Duration.ofMinutes(5)); // the corpus is ingested into the shared database
        split = SplitDeployment.start(((HikariDataSource) dataSource).getJdbcUrl(),
                // the same relaxed limits and loopback webhooks as the collapsed application under test
                "--gospelib.rate-limit.anonymous.capacity=1000000", "--gospelib.rate-limit.free.capacity=40",
                "--gospelib.webhooks.allow-http=true", "--gospelib.webhooks.allow-private-targets=true");
    }

    @AfterAll
    void stopTheServices() throws InterruptedException {
        if (split != null) split.close();
    }

    @Override
    Http gospelib() {
        return split.gateway();
    }

    @Test
    void servicePortsAnswerOnlyWhatTheGatewayPassedOn() {
        for (String service : List.of("content-a", "identity", "study", "web", "notifications")) {
            Http direct = new Http(split.port(service));
            assertProblem(direct.get("/v1/verses/John.3.16"), 401, "gateway-required");
            assertProblem(direct.get("/v1/me", "X-Gospelib-Assertion", "forged"), 401, "gateway-required");
            assertThat(direct.get("/livez").status()).isEqualTo(200);
        }
        // the gateway never routes the services' own routes
        assertThat(gospelib().get("/internal/content/translations").status()).isEqualTo(404);
    }

    @Test
    void eachServiceIsReadyByWhatItAnswersFrom() {
        // content answers from memory: a short database outage does not take it out of service
        JsonNode content = new Http(split.port("content-a")).get("/readyz").json().path("components");
        assertThat(content.has("snapshot")).isTrue();
        assertThat(content.has("search")).isTrue();
        assertThat(content.has("db")).isFalse();
        JsonNode study = new Http(split.port("study")).get("/readyz").json().path("components");
        assertThat(study.has("db")).isTrue();
        assertThat(study.has("snapshot")).as("study holds no corpus").isFalse();
        JsonNode gateway = new Http(split.port("gateway")).get("/readyz").json().path("components");
        assertThat(gateway.has("db")).isFalse();
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: one content replica stays down afterwards
    void losingAContentReplicaLosesNoRequest() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int verse = 1 + i % 30;
                statuses.add(readers.submit(() -> gospelib().get("/v1/verses/Ps.119." + verse).status()));
                if (i == 100) split.kill("content-b");
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) answered.add(status.get());
            assertThat(answered).as("every read answered though a replica died mid-run").containsOnly(200);
        } finally {
            readers.shutdownNow();
        }
    }
}
