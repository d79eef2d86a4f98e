package com.timetracker.exports;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The download a file export becomes: {@code <name>_<first day>_<last day>.<ext>}, e.g.
 * {@code time_entries_2026-01-01_2026-01-31.csv}, with its Content-Type and an attachment
 * Content-Disposition.
 */
public record ExportFile(String fileName, ExportFormat format) {

    /** {@code name} keeps only letters, digits, {@code -} and {@code _}; the others become {@code _}. */
    public static ExportFile of(String name, LocalDate first, LocalDate last, ExportFormat format) {
        String safe = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return new ExportFile(safe + "_" + first + "_" + last + "." + format.extension(), format);
    }

    public String contentDisposition() {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }

    /** Content-Type, Content-Disposition and {@code Cache-Control: no-store} (exports hold personal data). */
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(format.mediaType());
        headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition());
        headers.setCacheControl("no-store");
        return headers;
    }

    /** Sets {@link #headers()} on a response that the caller then streams into. */
    public void applyTo(HttpServletResponse response) {
        headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    }
}
