package com.timetracker.exports;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.timetracker.platform.ApiException;

import org.springframework.http.MediaType;

/** The file formats a {@link TableWriter} produces. */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("pdf", "application/pdf");

    private final String extension;
    private final MediaType mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = MediaType.parseMediaType(mediaType);
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /**
     * The format a request asked for ({@code csv}, {@code xlsx} or V1's {@code excel}, {@code pdf}; any case),
     * limited to {@code allowed} (all formats when none are given). Anything else is a 422 in the error shape.
     */
    public static ExportFormat parse(String value, ExportFormat... allowed) {
        ExportFormat[] choices = allowed.length == 0 ? values() : allowed;
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("excel")) {
            wanted = XLSX.extension;
        }
        for (ExportFormat format : choices) {
            if (format.extension.equals(wanted)) {
                return format;
            }
        }
        throw ApiException.invalid("format: must be one of "
                + Arrays.stream(choices).map(ExportFormat::extension).collect(Collectors.joining(", ")) + ", got '" + value + "'");
    }
}
