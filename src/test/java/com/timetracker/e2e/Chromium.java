package com.timetracker.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import org.springframework.core.io.ClassPathResource;

/**
 * One headless Debian chromium per test class, driven by Playwright (which downloads no browser).
 * Fails, never skips, when chromium or the built web app is missing.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new AssertionError("Browser tests need Chromium at " + EXECUTABLE
                    + ". Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).");
        }
        if (!builtWebApp()) {
            throw new AssertionError("The built web app is not on the classpath (static/index.html). Build it with"
                    + " `cd frontend && npm ci && npm run build`, then run Maven without -DskipFrontend=true, or at least"
                    + " let process-resources copy frontend/dist.");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    private static boolean builtWebApp() {
        ClassPathResource index = new ClassPathResource("static/index.html");
        try (var in = index.getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("/assets/");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A fresh profile (its own storage), in UTC, desktop-sized unless told otherwise. */
    BrowserContext context(String baseUrl, int width, int height, boolean bypassCsp) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBypassCSP(bypassCsp)
                .setBaseURL(baseUrl)
                .setTimezoneId("UTC")
                .setLocale("en-US")
                .setViewportSize(width, height));
        context.setDefaultTimeout(10_000);
        return context;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
