package com.timetracker.exports.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import com.timetracker.exports.DateRange;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.io.output.CloseShieldOutputStream;
import org.springframework.http.MediaType;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * V1's JSON shape of {@code /api/reports/export}, written entry by entry:
 * {@code {start_date, end_date, total_entries, entries: [{id, date, start_time, end_time, duration_hours, project, task, description}]}},
 * times with the offset of the export's zone.
 */
final class JsonEntrySink implements EntrySink {

    /** As V1's {@code isoformat()}: seconds always, offset as {@code +00:00}. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final HttpServletResponse response;
    private final JsonMapper json;
    private final DateRange range;
    private final Instant now;
    private JsonGenerator out;

    JsonEntrySink(HttpServletResponse response, JsonMapper json, DateRange range, Instant now) {
        this.response = response;
        this.json = json;
        this.range = range;
        this.now = now;
    }

    @Override
    public void begin(long total) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(TableEntrySink.ROWS_HEADER, String.valueOf(total));
        out = json.createGenerator(CloseShieldOutputStream.wrap(response.getOutputStream()));
        out.writeStartObject();
        out.writeStringProperty("start_date", range.first().toString());
        out.writeStringProperty("end_date", range.last().toString());
        out.writeNumberProperty("total_entries", total);
        out.writeName("entries");
        out.writeStartArray();
    }

    @Override
    public void entry(ExportedEntry e) {
        out.writeStartObject();
        out.writeNumberProperty("id", e.id());
        out.writeStringProperty("date", EntryTable.date(e.startTime(), range.zone()));
        out.writeStringProperty("start_time", ISO.format(OffsetDateTime.ofInstant(e.startTime(), range.zone())));
        if (e.endTime() == null) {
            out.writeNullProperty("end_time");
        } else {
            out.writeStringProperty("end_time", ISO.format(OffsetDateTime.ofInstant(e.endTime(), range.zone())));
        }
        out.writeNumberProperty("duration_hours", ExportedEntry.hours(e.seconds(now)));
        out.writeStringProperty("project", e.project());
        out.writeStringProperty("task", e.task());
        out.writeStringProperty("description", e.description());
        out.writeEndObject();
    }

    @Override
    public void end() throws IOException {
        out.writeEndArray();
        out.writeEndObject();
        out.close();
        response.flushBuffer();
    }

    @Override
    public void abort() {
        // the generator holds no file; an unfinished JSON body is visibly broken
    }
}
