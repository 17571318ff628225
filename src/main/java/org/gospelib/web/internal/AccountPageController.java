package org.gospelib.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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

    @GetMapping("/me/plans")
    String plans(Model model, HttpServletResponse response) {
        PageCaching.noStore(response);
        model.addAttribute("primary", translations.primary());
        return "plans";
    }
}
