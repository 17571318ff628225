package org.gospelib.billing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local server speaking Stripe's API as GospeLib uses it — form-encoded requests, bearer secret
 * keys, idempotency keys, JSON objects of API version 2026-07-29 (customers, Checkout and portal
 * sessions, subscriptions with their items' periods, lists, errors) — and signing webhook events
 * as Stripe does ({@code Stripe-Signature: t=…,v1=…}, HMAC-SHA256 of {@code t.payload} with the
 * endpoint's secret). The test plays the reader at Checkout and Stripe's billing engine through
 * its methods.
 */
public final class LocalStripe {

    public static final String SECRET_KEY = "sk_test_gospelib_local";
    public static final String WEBHOOK_SECRET = "whsec_bG9jYWwgc3RyaXBlIHdlYmhvb2sgc2VjcmV0";
    public static final String PLUS_MONTHLY = "price_1PlusMonthlyLocal";
    public static final String PLUS_YEARLY = "price_1PlusYearlyLocal";
    public static final String API_VERSION = "2026-07-29.dahlia";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile LocalStripe shared;

    private final HttpServer server;
    public final Map<String, ObjectNode> customers = new ConcurrentHashMap<>();
    public final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
    public final Map<String, ObjectNode> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, String> idempotent = new ConcurrentHashMap<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final AtomicBoolean down = new AtomicBoolean();

    private LocalStripe() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The one server of the test JVM (the application context is shared too). */
    public static synchronized LocalStripe shared() {
        if (shared == null) {
            try {
                shared = new LocalStripe();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Points the application under test at the shared server. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("gospelib.billing.stripe.secret-key", SECRET_KEY);
            properties.put("gospelib.billing.stripe.webhook-secret", WEBHOOK_SECRET);
            properties.put("gospelib.billing.stripe.api-base", "http://127.0.0.1:" + shared().port());
            properties.put("gospelib.billing.stripe.plus-monthly-price", PLUS_MONTHLY);
            properties.put("gospelib.billing.stripe.plus-yearly-price", PLUS_YEARLY);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("local-stripe", properties));
        }
    }

    // ---- what the reader and Stripe's billing engine do

    /** The reader pays at Checkout: the session completes and an active subscription to its price begins. */
    public String completeCheckout(String sessionId) {
        ObjectNode session = sessions.get(sessionId);
        String id = "sub_" + random(14);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode subscription = JSON.createObjectNode();
        subscription.put("id", id);
        subscription.put("object", "subscription");
        subscription.put("customer", session.get("customer").asString());
        subscription.put("status", "active");
        subscription.put("cancel_at_period_end", false);
        subscription.putNull("canceled_at");
        subscription.putNull("cancel_at");
        subscription.put("created", start.getEpochSecond());
        subscription.put("start_date", start.getEpochSecond());
        subscription.put("livemode", false);
        subscription.put("collection_method", "charge_automatically");
        subscription.put("currency", "usd");
        subscription.set("metadata", session.get("subscription_metadata").deepCopy());
        ObjectNode items = subscription.putObject("items");
        items.put("object", "list");
        ArrayNode data = items.putArray("data");
        ObjectNode item = data.addObject();
        item.put("id", "si_" + random(14));
        item.put("object", "subscription_item");
        item.put("subscription", id);
        item.put("quantity", 1);
        item.put("current_period_start", start.getEpochSecond());
        item.put("current_period_end", start.plus(30, ChronoUnit.DAYS).getEpochSecond());
        ObjectNode price = item.putObject("price");
        price.put("id", session.get("price").asString());
        price.put("object", "price");
        price.put("currency", "usd");
        price.put("unit_amount", session.get("price").asString().equals(PLUS_YEARLY) ? 3000 : 300);
        price.putObject("recurring").put("interval", session.get("price").asString().equals(PLUS_YEARLY) ? "year" : "month");
        items.put("has_more", false);
        items.put("url", "/v1/subscription_items?subscription=" + id);
        subscriptions.put(id, subscription);
        session.put("status", "complete");
        session.put("payment_status", "paid");
        session.put("subscription", id);
        return id;
    }

    /** Stripe's billing engine moves the subscription (a failed renewal: {@code past_due}; a recovery: {@code active}). */
    public void status(String subscriptionId, String status) {
        subscriptions.get(subscriptionId).put("status", status);
    }

    /** The reader cancels in the portal: the subscription ends with its period. */
    public void cancelAtPeriodEnd(String subscriptionId) {
        ObjectNode s = subscriptions.get(subscriptionId);
        s.put("cancel_at_period_end", true);
        s.put("cancel_at", s.get("items").get("data").get(0).get("current_period_end").asLong());
    }

    /** The period ends (or the subscription is cancelled at once). */
    public void end(String subscriptionId) {
        ObjectNode s = subscriptions.get(subscriptionId);
        s.put("status", "canceled");
        s.put("canceled_at", Instant.now().getEpochSecond());
    }

    public ObjectNode subscription(String id) {
        return subscriptions.get(id).deepCopy();
    }

    /** An event of {@code type} about {@code object} as Stripe would send it to the webhook. */
    public String event(String type, JsonNode object) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", "evt_" + random(24));
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", Instant.now().getEpochSecond());
        event.putObject("data").set("object", object.deepCopy());
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        ObjectNode request = event.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        event.put("type", type);
        return JSON.writeValueAsString(event);
    }

    /** An invoice of the subscription, as invoice.* events carry it (the subscription under {@code parent}). */
    public ObjectNode invoice(String subscriptionId, String status) {
        ObjectNode invoice = JSON.createObjectNode();
        invoice.put("id", "in_" + random(14));
        invoice.put("object", "invoice");
        invoice.put("customer", subscriptions.get(subscriptionId).get("customer").asString());
        invoice.put("status", status);
        ObjectNode parent = invoice.putObject("parent");
        parent.put("type", "subscription_details");
        parent.putObject("subscription_details").put("subscription", subscriptionId);
        return invoice;
    }

    /** The {@code Stripe-Signature} header of {@code payload}, signed at {@code at} with {@code secret}. */
    public static String signature(String payload, Instant at, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String v1 = HexFormat.of().formatHex(mac.doFinal((at.getEpochSecond() + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return "t=" + at.getEpochSecond() + ",v1=" + v1;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the API

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + path);
            if (down.get()) {
                answer(exchange, 500, error("api_error", null, "An unknown error occurred", null));
                return;
            }
            if (!("Bearer " + SECRET_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, error("invalid_request_error", null, "Invalid API Key provided", null));
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if ("POST".equals(method) && key != null && idempotent.containsKey(method + path + key)) {
                answer(exchange, 200, idempotent.get(method + path + key));
                return;
            }
            Optional<String> body = route(method, path, form, exchange.getRequestURI().getRawQuery());
            if (body.isEmpty()) {
                String id = path.substring(path.lastIndexOf('/') + 1);
                answer(exchange, 404, error("invalid_request_error", "resource_missing", "No such object: '" + id + "'", "id"));
                return;
            }
            if ("POST".equals(method) && key != null) idempotent.put(method + path + key, body.get());
            answer(exchange, 200, body.get());
        }
    }

    private Optional<String> route(String method, String path, Map<String, String> form, String query) {
        if (method.equals("POST") && path.equals("/v1/customers")) {
            ObjectNode customer = JSON.createObjectNode();
            String id = "cus_" + random(14);
            customer.put("id", id);
            customer.put("object", "customer");
            customer.put("email", form.get("email"));
            customer.put("created", Instant.now().getEpochSecond());
            customer.put("livemode", false);
            customer.set("metadata", metadata(form, "metadata"));
            customers.put(id, customer);
            return Optional.of(customer.toString());
        }
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            if (!customers.containsKey(form.getOrDefault("customer", ""))) return Optional.empty();
            ObjectNode session = JSON.createObjectNode();
            String id = "cs_test_" + random(24);
            session.put("id", id);
            session.put("object", "checkout.session");
            session.put("mode", form.get("mode"));
            session.put("customer", form.get("customer"));
            session.put("client_reference_id", form.get("client_reference_id"));
            session.put("status", "open");
            session.put("payment_status", "unpaid");
            session.put("success_url", form.get("success_url"));
            session.put("cancel_url", form.get("cancel_url"));
            session.put("url", "https://checkout.stripe.com/c/pay/" + id);
            session.putNull("subscription");
            session.set("metadata", metadata(form, "metadata"));
            session.put("price", form.get("line_items[0][price]"));
            session.set("subscription_metadata", metadata(form, "subscription_data[metadata]"));
            sessions.put(id, session);
            ObjectNode answer = session.deepCopy();
            answer.remove("price");
            answer.remove("subscription_metadata");
            return Optional.of(answer.toString());
        }
        if (method.equals("POST") && path.equals("/v1/billing_portal/sessions")) {
            if (!customers.containsKey(form.getOrDefault("customer", ""))) return Optional.empty();
            ObjectNode session = JSON.createObjectNode();
            String id = "bps_" + random(24);
            session.put("id", id);
            session.put("object", "billing_portal.session");
            session.put("customer", form.get("customer"));
            session.put("return_url", form.get("return_url"));
            session.put("url", "https://billing.stripe.com/p/session/test_" + random(24));
            session.put("livemode", false);
            return Optional.of(session.toString());
        }
        if (method.equals("GET") && path.equals("/v1/subscriptions")) {
            ObjectNode list = JSON.createObjectNode();
            list.put("object", "list");
            ArrayNode data = list.putArray("data");
            subscriptions.values().forEach(data::add);
            list.put("has_more", false);
            list.put("url", "/v1/subscriptions");
            return Optional.of(list.toString());
        }
        if (path.startsWith("/v1/subscriptions/")) {
            ObjectNode subscription = subscriptions.get(path.substring("/v1/subscriptions/".length()));
            if (subscription == null) return Optional.empty();
            if (method.equals("DELETE")) {
                subscription.put("status", "canceled");
                subscription.put("canceled_at", Instant.now().getEpochSecond());
            }
            return Optional.of(subscription.toString());
        }
        return Optional.empty();
    }

    private static ObjectNode metadata(Map<String, String> form, String prefix) {
        ObjectNode metadata = JSON.createObjectNode();
        form.forEach((k, v) -> {
            if (k.startsWith(prefix + "[") && k.endsWith("]") && k.indexOf('[', prefix.length() + 1) < 0) {
                metadata.put(k.substring(prefix.length() + 1, k.length() - 1), v);
            }
        });
        return metadata;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) return form;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1),
                    StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String error(String type, String code, String message, String param) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode e = error.putObject("error");
        e.put("type", type);
        e.put("message", message);
        if (code != null) e.put("code", code);
        if (param != null) e.put("param", param);
        return error.toString();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_" + random(14));
        exchange.getResponseHeaders().set("Stripe-Version", API_VERSION);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String random(int length) {
        String chars = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return chars.substring(0, Math.min(length, chars.length()));
    }
}
