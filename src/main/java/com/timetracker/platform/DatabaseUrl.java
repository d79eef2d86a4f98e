package com.timetracker.platform;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the PostgreSQL database is, read from V1's {@code DATABASE_URL}
 * ({@code postgresql+asyncpg://user:pass@host:port/db}, also {@code postgres://} and
 * {@code jdbc:postgresql://}) or from the seed's {@code DB_HOST}/{@code DB_PORT}/... variables.
 */
public record DatabaseUrl(String host, int port, String database, String username, String password, String query) {

    public DatabaseUrl(String host, int port, String database, String username, String password) {
        this(host, port, database, username, password, null);
    }

    public static final int DEFAULT_PORT = 5432;

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        String text = url.strip();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("DATABASE_URL must look like postgresql://user:password@host:5432/database");
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase();
        if (!scheme.equals("postgresql") && !scheme.equals("postgres") && !scheme.startsWith("postgresql+")) {
            throw new IllegalArgumentException("DATABASE_URL must be a PostgreSQL URL (postgresql://...), got scheme '" + scheme + "'");
        }
        URI uri = URI.create("postgresql" + text.substring(schemeEnd));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host: expected postgresql://user:password@host:5432/database");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("DATABASE_URL has no database name: expected postgresql://user:password@host:5432/database");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT;
        return new DatabaseUrl(uri.getHost(), port, path, user, password, jdbcQuery(uri.getRawQuery()));
    }

    public String jdbcUrl() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + database + (query == null ? "" : "?" + query);
    }

    /** Keeps driver options such as sslmode; asyncpg's {@code ssl=require} means JDBC's {@code sslmode=require}. */
    private static String jdbcQuery(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(query.split("&"))
                .map(option -> option.equals("ssl=true") ? "sslmode=require"
                        : option.startsWith("ssl=") ? "sslmode=" + option.substring(4) : option)
                .reduce((a, b) -> a + "&" + b).orElse(null);
    }

    private static String decode(String value) {
        // percent-decoding only: a literal "+" in a password stays a "+"
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + username + "@" + host + ":" + port + "/" + database + "]";
    }
}
