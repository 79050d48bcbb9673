package com.logishift.support.systemtests.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Person;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;

/**
 * What the browser test classes beyond the seed's flows share: one Chromium per class, screens that
 * are closed (and checked for page errors and CSP violations) after each test, sign-in through the
 * login page, and moving inside the single-page app without a reload.
 */
abstract class Browsing {

    protected Gateway gateway;
    protected Chromium chromium;
    private final List<Screen> screens = new ArrayList<>();

    protected void launch(Gateway gateway) {
        this.gateway = gateway;
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        chromium = Chromium.launch();
    }

    @org.junit.jupiter.api.AfterEach
    void closeScreens() {
        List<String> problems = new ArrayList<>();
        for (Screen screen : screens) {
            problems.addAll(screen.problems());
            screen.close();
        }
        screens.clear();
        assertTrue(problems.isEmpty(), "the page reported errors: " + problems);
    }

    @org.junit.jupiter.api.AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    protected Screen open(Viewport viewport, String who) {
        Screen screen = new Screen(chromium.browser(), viewport, gateway.url(), who);
        screens.add(screen);
        return screen;
    }

    /** A screen of its own on which the person has signed in through the login page and is on their role's start page. */
    protected Screen signedIn(Viewport viewport, String who, Person person, String startPage) {
        Screen screen = open(viewport, who);
        signIn(screen, person, startPage);
        return screen;
    }

    /** A screen of its own on which the person has signed in through the login page straight to this page (?next=). */
    protected Screen signedInAt(Viewport viewport, String who, Person person, String path) {
        Screen screen = open(viewport, who);
        signIn(screen, person, path, path);
        return screen;
    }

    /** Signs in through the login page, optionally straight to a deep link (?next=), and waits for it. */
    protected static void signIn(Screen screen, Person person, String next, String expectedPath) {
        Page page = screen.page();
        page.navigate(next == null ? "/login" : "/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        page.getByLabel("E-mail").fill(person.email());
        page.getByLabel("Password").fill(person.password());
        button(page, "Sign in").click();
        page.waitForURL("**" + expectedPath);
    }

    /** Signs in through the login page and waits for the role's start page. */
    protected static void signIn(Screen screen, Person person, String expectedPath) {
        signIn(screen, person, null, expectedPath);
    }

    /** Goes to a path inside the app as a link would (history + popstate): no reload, the session stays in memory. */
    protected static void go(Page page, String path) {
        page.evaluate("path => { history.pushState({}, '', path); dispatchEvent(new PopStateEvent('popstate', { state: {} })) }", path);
        page.waitForURL("**" + path);
    }

    protected static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    protected static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    protected static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    protected static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The admin page's section links ("Overview", "Agents", "Tickets", "FAQ entries"). */
    protected static Locator section(Page page, String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Support management sections"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Agent lists are oldest first, a page at a time: goes forward until the row is shown (or the last page). */
    protected static void showAgent(Page page, Locator row) {
        Locator next = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Agent pages"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next").setExact(true));
        settled(page);
        while (row.count() == 0 && next.count() == 1 && next.isEnabled()) {
            String before = page.locator("[data-account]").first().getAttribute("data-account");
            next.click();
            assertThat(page.locator("[data-account]").first()).not().hasAttribute("data-account", before);
        }
        assertThat(row).hasCount(1);
    }

    /** Waits until no "Loading…" spinner is left, so that what is checked is the finished page. */
    protected static void settled(Page page) {
        assertThat(page.locator("main [role=status]:has(.animate-spin)")).hasCount(0);
    }
}
