package com.timetracker.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Absolute links for emails (invitations, password reset), built on PUBLIC_URL: the address
 * people open the app at, which the server cannot know behind a proxy.
 */
public final class PublicLinks {

    public static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";

    private final String base;

    private PublicLinks(String base) {
        this.base = base;
    }

    /**
     * @param publicUrl an absolute http(s) URL, optionally with a path (an app served under a
     *                  sub-path); trailing slashes are ignored
     * @throws IllegalArgumentException when it is not such a URL
     */
    public static PublicLinks of(String publicUrl) {
        String url = publicUrl == null ? "" : publicUrl.strip();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + url + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: '" + url + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a query or fragment has no place in the base URL: '" + url + "'");
        }
        return new PublicLinks(url.replaceAll("/+$", ""));
    }

    /** The base URL, without a trailing slash. */
    public String baseUrl() {
        return base;
    }

    /** {@code link("/reset-password?token=t")} gives {@code https://tt.example.com/reset-password?token=t}. */
    public String link(String pathAndQuery) {
        String path = pathAndQuery == null ? "" : pathAndQuery.strip();
        if (path.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            throw new IllegalArgumentException("expected a path, got an absolute URL: '" + path + "'");
        }
        return base + "/" + path.replaceAll("^/+", "");
    }

    @Override
    public String toString() {
        return base;
    }
}
