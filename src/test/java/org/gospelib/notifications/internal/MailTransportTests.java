package org.gospelib.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gospelib.jobs.RetryLater;
import org.gospelib.notifications.Mailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each way mail leaves, against a real SMTP server (in process) and a local server speaking Resend's API. */
class MailTransportTests {

    static final OutgoingMail MAIL = new OutgoingMail("Lectora <lectora@example.test>", "Elige una contraseña nueva",
            "Abre el enlace: http://localhost/x", "<p>Abre el <a href=\"http://localhost/x\">enlace</a> — ñandú</p>",
            Map.of("List-Unsubscribe", "<http://localhost/u/1>", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            "account-email/1");

    @TempDir
    Path dir;

    @Test
    void smtpDeliversATextAndHtmlMessageWithItsHeaders() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.getSmtp().getPort());
            sender.setDefaultEncoding("UTF-8");
            String id = new SmtpTransport(sender, "GospeLib <no-reply@gospelib.test>").send(MAIL);
            assertThat(id).isNotBlank();
            assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
            MimeMessage received = smtp.getReceivedMessages()[0];
            assertThat(received.getSubject()).isEqualTo("Elige una contraseña nueva");
            assertThat(received.getAllRecipients()[0].toString()).contains("lectora@example.test");
            assertThat(received.getFrom()[0].toString()).contains("no-reply@gospelib.test");
            assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            assertThat(received.getMessageID()).isEqualTo(id);
            Multipart parts = (Multipart) received.getContent();
            assertThat(parts.getContentType()).startsWith("multipart/alternative");
            assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
            assertThat(((String) parts.getBodyPart(1).getContent())).contains("ñandú");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void anAddressSmtpCannotTakeIsUndeliverable() {
        OutgoingMail bad = new OutgoingMail("not an address", MAIL.subject(), MAIL.text(), MAIL.html(), Map.of(), "k");
        assertThatThrownBy(() -> new SmtpTransport(new JavaMailSenderImpl(), "GospeLib <a@b.test>").send(bad))
                .isInstanceOf(UndeliverableMail.class);
    }

    @Test
    void theMailboxWritesWhatSmtpWouldSendAndARetryReplacesItsFile() throws Exception {
        MailboxTransport mailbox = new MailboxTransport(dir, "GospeLib <no-reply@gospelib.test>");
        mailbox.send(MAIL);
        mailbox.send(MAIL);
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        Mailbox.Mail read = Mailbox.read(files.getFirst());
        assertThat(read.to()).isEqualTo("lectora@example.test");
        assertThat(read.subject()).isEqualTo(MAIL.subject());
        assertThat(read.text()).isEqualTo(MAIL.text());
        assertThat(read.html()).contains("ñandú");
    }

    /** A local server answering as Resend's {@code POST /emails} does, recording what it was sent. */
    static final class ResendServer implements AutoCloseable {
        final HttpServer server;
        final List<Map.Entry<Map<String, List<String>>, JsonNode>> received = new CopyOnWriteArrayList<>();
        volatile int status = 200;
        volatile String answer = "{\"id\":\"49a3999c-0ce1-4ea6-ab68-afcd6dc2e794\"}";
        volatile String retryAfter = "";

        ResendServer() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/emails", exchange -> {
                JsonNode body = JsonMapper.builder().build().readTree(exchange.getRequestBody().readAllBytes());
                received.add(Map.entry(Map.copyOf(exchange.getRequestHeaders()), body));
                boolean authorised = "Bearer re_test_key".equals(exchange.getRequestHeaders().getFirst("Authorization"));
                int code = authorised ? status : 401;
                String reply = authorised ? answer
                        : "{\"statusCode\":401,\"message\":\"API key is invalid\",\"name\":\"validation_error\"}";
                if (!retryAfter.isEmpty()) exchange.getResponseHeaders().add("Retry-After", retryAfter);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(code, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void resendGetsItsJsonTheKeyAndTheIdempotencyKey() throws Exception {
        try (ResendServer resend = new ResendServer()) {
            String id = new ResendTransport(resend.url(), "re_test_key", "GospeLib <no-reply@gospelib.test>").send(MAIL);
            assertThat(id).isEqualTo("49a3999c-0ce1-4ea6-ab68-afcd6dc2e794");
            var request = resend.received.getFirst();
            assertThat(request.getKey().get("Idempotency-key")).containsExactly("account-email/1");
            assertThat(request.getKey().get("Content-type")).containsExactly("application/json");
            JsonNode body = request.getValue();
            assertThat(body.get("from").asString()).isEqualTo("GospeLib <no-reply@gospelib.test>");
            assertThat(body.get("to").get(0).asString()).isEqualTo("Lectora <lectora@example.test>");
            assertThat(body.get("subject").asString()).isEqualTo(MAIL.subject());
            assertThat(body.get("html").asString()).contains("ñandú");
            assertThat(body.get("text").asString()).isEqualTo(MAIL.text());
            assertThat(body.get("headers").get("List-Unsubscribe-Post").asString()).isEqualTo("List-Unsubscribe=One-Click");
        }
    }

    @Test
    void resendsRefusalsAreFinalItsLimitsAndOutagesAreRetried() throws Exception {
        try (ResendServer resend = new ResendServer()) {
            ResendTransport transport = new ResendTransport(resend.url(), "re_test_key", "GospeLib <a@b.test>");
            resend.status = 429;
            resend.retryAfter = "7";
            resend.answer = "{\"statusCode\":429,\"message\":\"Too many requests\",\"name\":\"rate_limit_exceeded\"}";
            assertThatThrownBy(() -> transport.send(MAIL)).isInstanceOfSatisfying(RetryLater.class,
                    later -> assertThat(later.after()).hasSeconds(7));
            resend.retryAfter = "";
            resend.status = 422;
            resend.answer = "{\"statusCode\":422,\"message\":\"Invalid `to` field.\",\"name\":\"validation_error\"}";
            assertThatThrownBy(() -> transport.send(MAIL)).isInstanceOf(UndeliverableMail.class).hasMessageContaining("Invalid `to`");
            resend.status = 500;
            resend.answer = "{\"statusCode\":500,\"message\":\"Internal server error\",\"name\":\"internal_server_error\"}";
            assertThatThrownBy(() -> transport.send(MAIL)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> new ResendTransport(resend.url(), "re_wrong", "GospeLib <a@b.test>").send(MAIL))
                    .isInstanceOf(UndeliverableMail.class).hasMessageContaining("API key is invalid");
        }
    }
}
