package org.gospelib.notifications.internal;

import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.MockApnsServerListener;
import com.eatthepath.pushy.apns.server.ValidatingPushNotificationHandlerFactory;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Local servers speaking the mobile push services' protocols: Google's OAuth 2 token endpoint
 * (the JWT-bearer grant a service account key signs) with FCM's HTTP v1 {@code messages:send},
 * and APNs over HTTP/2 with TLS and token authentication (Pushy's mock server, which checks each
 * request's ES256 provider token, topic and device token as Apple does).
 */
final class MobilePushServers {

    private MobilePushServers() {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A service account key file whose {@code token_uri} is the local token endpoint. */
    static final class Fcm implements AutoCloseable {

        static final String PROJECT = "gospelib-reader-test";
        static final String CLIENT_EMAIL = "push@gospelib-reader-test.iam.gserviceaccount.com";

        final HttpServer server;
        final Path serviceAccount;
        final List<JsonNode> delivered = new CopyOnWriteArrayList<>();
        final Set<String> unregistered = ConcurrentHashMap.newKeySet();
        final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
        final List<String> refusedAssertions = new CopyOnWriteArrayList<>();
        private final RSAPublicKey publicKey;
        private final URI tokenUri;

        Fcm(Path dir) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            this.publicKey = (RSAPublicKey) keys.getPublic();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            tokenUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
            server.createContext("/token", this::token);
            server.createContext("/v1/projects/", this::send);
            server.start();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Map<String, String> account = new HashMap<>();
            account.put("type", "service_account");
            account.put("project_id", PROJECT);
            account.put("private_key_id", UUID.randomUUID().toString().replace("-", ""));
            account.put("private_key", pem);
            account.put("client_email", CLIENT_EMAIL);
            account.put("client_id", "1234567890");
            account.put("token_uri", tokenUri.toString());
            serviceAccount = dir.resolve("firebase-service-account.json");
            Files.write(serviceAccount, JSON.writeValueAsBytes(account));
        }

        URI baseUrl() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        /** RFC 7523's JWT-bearer grant, as Google's token endpoint takes it from a service account. */
        private void token(HttpExchange exchange) throws IOException {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> fields = new HashMap<>();
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            try {
                if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(fields.get("grant_type"))) throw new IllegalStateException("grant");
                SignedJWT assertion = SignedJWT.parse(fields.get("assertion"));
                if (!JWSAlgorithm.RS256.equals(assertion.getHeader().getAlgorithm())) throw new IllegalStateException("alg");
                if (!assertion.verify(new RSASSAVerifier(publicKey))) throw new IllegalStateException("signature");
                var claims = assertion.getJWTClaimsSet();
                if (!CLIENT_EMAIL.equals(claims.getIssuer())) throw new IllegalStateException("iss");
                // Google's endpoint takes assertions for its canonical address wherever it is reached
                if (!claims.getAudience().contains("https://oauth2.googleapis.com/token")) throw new IllegalStateException("aud");
                if (!String.valueOf(claims.getClaim("scope")).contains(FcmSender.SCOPE)) throw new IllegalStateException("scope");
                if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) throw new IllegalStateException("exp");
            } catch (Exception e) {
                refusedAssertions.add(e.getMessage());
                answer(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + e.getMessage() + "\"}");
                return;
            }
            String token = "ya29.local-" + UUID.randomUUID();
            issuedTokens.add(token);
            answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
        }

        private void send(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !issuedTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
                answer(exchange, 401, error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", null));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !path.equals("/v1/projects/" + PROJECT + "/messages:send")) {
                answer(exchange, 404, error(404, "NOT_FOUND", "Requested entity was not found.", null));
                return;
            }
            JsonNode message = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("message");
            String token = message.path("token").asString("");
            if (unregistered.contains(token)) {
                answer(exchange, 404, error(404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED"));
                return;
            }
            if (message.path("notification").path("title").asString("").isEmpty()) {
                answer(exchange, 400, error(400, "INVALID_ARGUMENT", "Invalid notification", "INVALID_ARGUMENT"));
                return;
            }
            delivered.add(message);
            answer(exchange, 200, "{\"name\":\"projects/" + PROJECT + "/messages/0:" + System.nanoTime() + "\"}");
        }

        private static String error(int code, String status, String message, String fcmCode) {
            String details = fcmCode == null ? "[]"
                    : "[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"" + fcmCode + "\"}]";
            return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status
                    + "\",\"details\":" + details + "}}";
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** APNs: a TLS certificate for localhost made with the JDK's keytool, a team's key, the app's topic. */
    static final class Apns implements AutoCloseable {

        static final String TEAM = "TEAM123456";
        static final String KEY_ID = "KEY7654321";
        static final String TOPIC = "org.gospelib.reader";

        final MockApnsServer server;
        final int port;
        final Path signingKey;
        final Path certificate;
        final List<JsonNode> delivered = new CopyOnWriteArrayList<>();
        final List<String> rejected = new CopyOnWriteArrayList<>();

        /**
         * @param tokens       device tokens the server knows
         * @param unregistered of those, the ones whose app was removed (APNs answers 410 Unregistered)
         */
        Apns(Path dir, Set<String> tokens, Set<String> unregistered) throws Exception {
            Path store = dir.resolve("apns-server.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "apns", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                    .redirectErrorStream(true).start();
            String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytool.waitFor() != 0) throw new IllegalStateException("keytool: " + out);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (var in = new FileInputStream(store.toFile())) {
                keyStore.load(in, "changeit".toCharArray());
            }
            X509Certificate serverCertificate = (X509Certificate) keyStore.getCertificate("apns");
            PrivateKey serverKey = (PrivateKey) keyStore.getKey("apns", "changeit".toCharArray());
            certificate = dir.resolve("apns-server.pem");
            Files.writeString(certificate, pem("CERTIFICATE", serverCertificate.getEncoded()));

            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            KeyPair team = generator.generateKeyPair();
            signingKey = dir.resolve("AuthKey_" + KEY_ID + ".p8");
            Files.writeString(signingKey, pem("PRIVATE KEY", team.getPrivate().getEncoded()));
            ApnsVerificationKey verification = new ApnsVerificationKey(KEY_ID, TEAM, (ECPublicKey) team.getPublic());

            Map<String, Instant> expirations = new HashMap<>();
            unregistered.forEach(t -> expirations.put(t, Instant.now().minusSeconds(3600)));
            server = new MockApnsServerBuilder()
                    .setServerCredentials(new X509Certificate[] {serverCertificate}, serverKey, null)
                    .setHandlerFactory(new ValidatingPushNotificationHandlerFactory(Map.of(TOPIC, tokens), expirations,
                            Map.of(KEY_ID, verification), Map.of(verification, Set.of(TOPIC))))
                    .setListener(new MockApnsServerListener() {
                        @Override
                        public void handlePushNotificationAccepted(Http2Headers headers, ByteBuf payload) {
                            var node = JSON.createObjectNode();
                            node.put("token", headers.path().toString().replaceFirst("^/3/device/", ""));
                            node.put("topic", String.valueOf(headers.get("apns-topic")));
                            node.put("pushType", String.valueOf(headers.get("apns-push-type")));
                            node.put("collapseId", String.valueOf(headers.get("apns-collapse-id")));
                            node.put("authorization", String.valueOf(headers.get("authorization")));
                            node.set("payload", JSON.readTree(payload.toString(StandardCharsets.UTF_8)));
                            delivered.add(node);
                        }

                        @Override
                        public void handlePushNotificationRejected(Http2Headers headers, ByteBuf payload,
                                com.eatthepath.pushy.apns.server.RejectionReason reason, Instant deviceTokenExpirationTimestamp) {
                            rejected.add(headers.path() + " " + reason);
                        }
                    })
                    .build();
            port = freePort();
            server.start(port).get();
        }

        private static int freePort() throws IOException {
            try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        private static String pem(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END " + type + "-----\n";
        }

        @Override
        public void close() throws Exception {
            server.shutdown().get();
        }
    }
}
