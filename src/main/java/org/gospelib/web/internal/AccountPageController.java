package org.gospelib.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages of a reader's own: signing up and in, their notes, their reading plans and their webhooks. The pages are
 * shells the script fills from {@code /v1/auth} and {@code /v1/me} with the session cookie, so no
 * reader's data is ever in a cached page.
 */
@Controller
class AccountPageController {

    private final Translations translations;

    AccountPageController(Translations translations) {
        this.translations = translations;
    }

    @GetMapping("/signin")
    String signIn(HttpServletResponse response) {
        PageCaching.noStore(response);
        return "signin";
    }

    @GetMapping("/signup")
    String signUp(HttpServletResponse response) {
        PageCaching.noStore(response);
        return "signup";
    }

    @GetMapping("/account/forgot-password")
    String forgotPassword(HttpServletResponse response) {
        PageCaching.noStore(response);
        return "forgot-password";
    }

    /** Opened from a reset email: the link's secret is in the fragment, which the script posts. */
    @GetMapping("/account/reset-password")
    String resetPassword(HttpServletResponse response) {
        PageCaching.noStore(response);
        return "reset-password";
    }

    @GetMapping("/account/verify-email")
    String verifyEmail(Model model, HttpServletResponse response) {
        return accountLink(model, response, "Confirm your email address", "/v1/auth/email-verification/confirm",
                "Confirm my address", "Your address is confirmed. Thank you.");
    }

    @GetMapping("/account/confirm-email")
    String confirmEmail(Model model, HttpServletResponse response) {
        return accountLink(model, response, "Confirm your new email address", "/v1/auth/email-change/confirm",
                "Confirm the new address", "Your account now uses this address.");
    }

    /**
     * A page an emailed link opens, with a button that posts the link's secret: mail scanners
     * that open links do not run scripts or press buttons, so they cannot use a link up.
     */
    private static String accountLink(Model model, HttpServletResponse response, String title, String endpoint, String button,
            String done) {
        PageCaching.noStore(response);
        model.addAttribute("title", title);
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("button", button);
        model.addAttribute("done", done);
        return "account-link";
    }

    /** Opened from an email's footer: a button that posts the one-click unsubscribe (a GET changes nothing). */
    @GetMapping("/notifications/unsubscribe")
    String unsubscribe(@RequestParam(name = "token", defaultValue = "") String token,
            @RequestParam(name = "kind", defaultValue = "") String kind, Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("token", token.length() > 100 ? "" : token);
        model.addAttribute("kind", kind.length() > 40 ? "" : kind);
        return "unsubscribe";
    }

    @GetMapping("/me/notes")
    String notes(Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("primary", translations.primary());
        return "notes";
    }

    @GetMapping("/me/webhooks")
    String webhooks(HttpServletResponse response) {
        PageCaching.noStore(response);
        return "webhooks";
    }

    /** The reader's plan and subscription (Checkout and Stripe's portal a click away), and their exports. */
    @GetMapping("/account")
    String account(HttpServletResponse response, org.springframework.ui.Model model) {
        PageCaching.noStore(response);
        model.addAttribute("translations", translations.all());
        return "account";
    }

    /** Questions to the study assistant, answered as they stream, with the reader's earlier ones. */
    @GetMapping("/assistant")
    String assistant(Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("translations", translations.all());
        return "assistant";
    }

    @GetMapping("/me/plans")
    String plans(Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("primary", translations.primary());
        return "plans";
    }
}
