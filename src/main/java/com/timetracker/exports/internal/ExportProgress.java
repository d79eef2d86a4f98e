package com.timetracker.exports.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.timetracker.platform.ApiException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Progress of running downloads, for large exports (docs/exports.md): the client names its download
 * with a {@code progress_id}, and {@code GET /api/export/progress/{id}} reports rows written of rows
 * total. Kept in Redis for an hour, per user, so any node can answer. Progress is a courtesy: when
 * Redis fails the download goes on without it.
 */
@Component
class ExportProgress {

    /** Rows between two updates. */
    static final int STEP = 1000;
    static final Duration KEEP = Duration.ofHours(1);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Logger log = LoggerFactory.getLogger(ExportProgress.class);

    private final StringRedisTemplate redis;

    ExportProgress(StringRedisTemplate redis) {
        this.redis = redis;
    }

    static void checkId(String progressId) {
        if (progressId != null && !ID.matcher(progressId).matches()) {
            throw ApiException.invalid("progress_id: 8 to 64 letters, digits, '-' or '_'");
        }
    }

    /** {@code sink}, reporting its progress under {@code progressId} (unchanged when there is none). */
    EntrySink tracked(long userId, String progressId, EntrySink sink) {
        return progressId == null ? sink : new Tracked(key(userId, progressId), sink);
    }

    /** The progress of one of the user's downloads: status, rows_total, rows_written, percent. */
    Optional<Map<String, Object>> of(long userId, String progressId) {
        checkId(progressId);
        Map<Object, Object> stored = redis.opsForHash().entries(key(userId, progressId));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        long total = Long.parseLong((String) stored.getOrDefault("rows_total", "0"));
        long written = Long.parseLong((String) stored.getOrDefault("rows_written", "0"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("progress_id", progressId);
        body.put("status", stored.get("status"));
        body.put("rows_total", total);
        body.put("rows_written", written);
        body.put("percent", total == 0 ? 100 : (int) (written * 100 / total));
        return Optional.of(body);
    }

    private static String key(long userId, String progressId) {
        return "export:progress:" + userId + ":" + progressId;
    }

    /** False when Redis failed; the download then stops reporting rather than wait on Redis again. */
    private boolean save(String key, Map<String, String> fields) {
        try {
            redis.opsForHash().putAll(key, fields);
            redis.expire(key, KEEP);
            return true;
        } catch (RuntimeException e) {
            log.warn("Export progress not recorded, the download goes on without it ({}): {}", key, e.getMessage());
            return false;
        }
    }

    private final class Tracked implements EntrySink {

        private final String key;
        private final EntrySink sink;
        private long total;
        private long written;
        private boolean reporting = true;

        Tracked(String key, EntrySink sink) {
            this.key = key;
            this.sink = sink;
        }

        @Override
        public void begin(long total) throws IOException {
            this.total = total;
            report(Map.of("status", "running", "rows_total", String.valueOf(total), "rows_written", "0"));
            sink.begin(total);
        }

        @Override
        public void entry(ExportedEntry entry) throws IOException {
            sink.entry(entry);
            if (++written % STEP == 0) {
                report(Map.of("rows_written", String.valueOf(written)));
            }
        }

        @Override
        public void end() throws IOException {
            sink.end();
            report(Map.of("status", "done", "rows_written", String.valueOf(written), "rows_total", String.valueOf(total)));
        }

        @Override
        public void abort() {
            sink.abort();
            report(Map.of("status", "failed", "rows_written", String.valueOf(written)));
        }

        private void report(Map<String, String> fields) {
            reporting = reporting && save(key, fields);
        }
    }
}
