package com.timetracker.e2e;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.timetracker.support.Http;
import com.timetracker.support.People;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.timetracker.e2e.PagesBrowserTest.button;
import static com.timetracker.e2e.PagesBrowserTest.dialog;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages the emailed links open (docs/invitations-and-password-reset.md): forgot and reset
 * password, accept an invitation, and inviting from the Users page. Links are read from the mail
 * outbox, as the mail would carry them. The password routes are rate limited per address and route
 * (3 per 5 min; the test config lifts the limits): this class sends one forgot-password and two
 * reset-password requests, so it would pass under the production limits too.
 */
class AccountLinksBrowserTest extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+?/(reset-password|accept-invite)\\?token=[A-Za-z0-9_-]+");

    /** Path and query of the one-time link in the newest mail to this address. */
    String linkMailedTo(String email, String page) {
        String text = jdbc.sql("SELECT text_body FROM mail_outbox WHERE recipient = :r ORDER BY id DESC LIMIT 1")
                .param("r", email).query(String.class).optional()
                .orElseThrow(() -> new AssertionError("no mail to " + email));
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a link in: " + text).isTrue();
        assertThat(link.group(1)).isEqualTo(page);
        URI uri = URI.create(link.group());
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1));
    }

    static int login(String email, String password, int port) {
        return new Http(port).post("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}").statusCode();
    }

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLinkWhichThenStopsWorking() {
        People.Person worker = people.create("regular_user");
        Page page = newPage();
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot password?")).click();
        page.waitForURL("**/forgot-password");
        assertThat(heading(page, "Forgot your password?")).isVisible(); // the page's chunk is loaded, not the login page's field
        page.getByLabel("Email address").fill(worker.email());
        button(page, "Send reset link").click(); // rate-limited request 1
        assertThat(page.getByTestId("reset-requested")).hasText("If the email exists, a reset link has been sent.");

        String link = linkMailedTo(worker.email(), "reset-password");
        page.navigate(link);
        assertThat(heading(page, "Choose a new password")).isVisible();
        assertThat(page.getByText("For " + worker.email())).isVisible();
        Locator password = page.getByLabel(Pattern.compile("^New password"));
        Locator confirm = page.getByLabel("Confirm new password");

        // the rules the page checks itself: nothing is sent
        password.fill("weakpassword");
        confirm.fill("weakpassword");
        button(page, "Set new password").click();
        assertThat(page.getByText("Password needs an upper-case letter, a digit, a special character such as ! @ # $ % - _ (a space or / does not count)")).isVisible();
        // a rule only the server checks: its requirement is shown and the form kept
        password.fill("Sequence-1234-Words");
        confirm.fill("Sequence-1234-Words");
        button(page, "Set new password").click(); // rate-limited request 2
        assertThat(page.getByRole(AriaRole.ALERT)).hasText(
                "Password does not meet the requirements: Password must not contain 4 or more sequential letters or digits (like 'abcd' or '4321')");
        assertThat(password).hasValue("Sequence-1234-Words");

        password.fill("Fresh-Meadow-8-Kite");
        confirm.fill("Fresh-Meadow-8-Kite");
        button(page, "Set new password").click(); // rate-limited request 3
        assertThat(heading(page, "Password changed")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with your new password")).click();
        page.waitForURL("**/login");

        assertThat(login(worker.email(), People.PASSWORD, port)).isEqualTo(401);
        signIn(page, worker.email(), "Fresh-Meadow-8-Kite");

        Page again = newPage();
        again.navigate(link);
        assertThat(heading(again, "This link does not work")).isVisible();
        assertThat(again.getByRole(AriaRole.ALERT)).containsText("This password reset link is invalid, has expired or was already used");
        assertThat(again.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ask for a new link"))).hasAttribute("href", "/forgot-password");
    }

    @Test
    void anAdminInvitesFromTheUsersPageAndTheInviteeAcceptsInTheSameBrowserAfterTheAdminSignsOut() {
        People.Person admin = people.create("admin");
        String invitee = "invitee-" + System.nanoTime() + "@example.com";
        Page page = signIn(newPage(), admin);
        page.navigate("/admin");
        button(page, "Invite by email").click();
        dialog(page).getByLabel("Email address").fill(invitee);
        assertThat(dialog(page).getByLabel("Role").locator("option")).hasText(new String[] {"Worker", "Manager", "Admin"});
        dialog(page).getByLabel("Role").selectOption("manager");
        button(dialog(page), "Send invitation").click();
        assertThat(page.getByTestId("toast").last()).containsText("Invitation sent to " + invitee + ". The link expires on ");
        assertThat(dialog(page)).hasCount(0);

        // inviting the same address again is refused in the dialog once the account exists (below); first the link
        page.navigate(linkMailedTo(invitee, "accept-invite"));
        assertThat(page.getByTestId("signed-in-here")).containsText(admin.name() + " (" + admin.email() + ") is signed in in this browser.");
        button(page, "Sign out and continue").click();
        assertThat(heading(page, "Join TimeTracker")).isVisible();
        assertThat(storedTokens(page)).isNull();
        assertThat(page.getByLabel("Email address")).hasValue(invitee);
        assertThat(page.getByLabel("Role")).hasValue("Manager");
        page.getByLabel("Full name").fill("Nora Newcomer");
        page.getByLabel(Pattern.compile("^Password")).fill("Fresh-Meadow-8-Kite");
        page.getByLabel("Confirm password").fill("Fresh-Meadow-8-Kite");
        button(page, "Create my account").click();

        page.waitForURL("**/dashboard");
        assertThat(page.getByTestId("user-menu")).containsText("Nora Newcomer");
        Map<String, Object> account = jdbc.sql("SELECT id, name, role FROM users WHERE email = :e").param("e", invitee).query().singleRow();
        assertThat(account).containsEntry("name", "Nora Newcomer").containsEntry("role", "manager");
        Object signedIn = page.evaluate("() => JSON.parse(atob(JSON.parse(localStorage.getItem('tt.tokens')).access.split('.')[1]"
                + ".replace(/-/g, '+').replace(/_/g, '/'))).sub");
        assertThat(signedIn).isEqualTo(String.valueOf(account.get("id")));

        // the admin invites the same address again: the server's refusal shows in the dialog
        Page adminPage = signIn(newPage(), admin);
        adminPage.navigate("/admin");
        button(adminPage, "Invite by email").click();
        dialog(adminPage).getByLabel("Email address").fill(invitee);
        button(dialog(adminPage), "Send invitation").click();
        assertThat(dialog(adminPage).getByRole(AriaRole.ALERT)).hasText("User with this email already exists");
    }

    @Test
    void theLinkPagesHaveNoSeriousOrCriticalAccessibilityViolations() {
        People.Person admin = people.create("admin");
        String invitee = "axe-" + System.nanoTime() + "@example.com";
        assertThat(admin.http().post("/api/auth/invite", "{\"email\": \"" + invitee + "\"}").statusCode()).isEqualTo(200);
        Page page = newPage(1280, 800, true); // axe is injected as an inline script, which the app's CSP forbids
        Map<String, List<?>> violations = new java.util.LinkedHashMap<>();
        page.navigate("/forgot-password");
        assertThat(heading(page, "Forgot your password?")).isVisible();
        violations.put("/forgot-password", axe(page));
        page.navigate("/reset-password?token=not-a-real-token");
        assertThat(heading(page, "This link does not work")).isVisible();
        violations.put("/reset-password (invalid)", axe(page));
        // a live reset link without a mail (and without a rate-limited request): its hash stored as the server stores it
        String token = "axe-" + System.nanoTime();
        jdbc.sql("INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES (:u, encode(sha256(convert_to(:t, 'UTF8')), 'hex'), now() + interval '1 hour')")
                .param("u", admin.id()).param("t", token).update();
        page.navigate("/reset-password?token=" + token);
        assertThat(heading(page, "Choose a new password")).isVisible();
        button(page, "Set new password").click();
        assertThat(page.getByText("Password needs at least 12 characters")).isVisible();
        violations.put("/reset-password (errors)", axe(page));
        page.navigate(linkMailedTo(invitee, "accept-invite"));
        assertThat(heading(page, "Join TimeTracker")).isVisible();
        button(page, "Create my account").click(); // the form with its errors shown
        assertThat(page.getByText("Enter your full name")).isVisible();
        violations.put("/accept-invite (errors)", axe(page));
        violations.values().removeIf(List::isEmpty);
        assertThat(violations).as("serious or critical axe-core violations per page").isEmpty();
    }

}
