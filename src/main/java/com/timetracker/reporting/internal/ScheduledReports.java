package com.timetracker.reporting.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.timetracker.exports.DateRanges;
import com.timetracker.exports.ExportFormat;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.Role;
import com.timetracker.platform.ApiException;
import com.timetracker.reporting.ReportPolicy;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scheduled reports (reference §3.10 #70–77): stored in PostgreSQL, owned by their creator,
 * checked on every change by generating the report once as its owner, run by {@link ReportScheduler}.
 */
@Service
class ScheduledReports {

    static final int MAX_RECIPIENTS = 20;

    /** A change to a schedule; null fields stay as they are. */
    record Change(String name, String templateId, String frequency, List<String> recipients, Map<String, Object> params,
                  String timezone, String attachment, Boolean enabled) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScheduledReportRows rows;
    private final ReportTemplates templates;
    private final JsonMapper json;
    private final Clock clock;

    ScheduledReports(ScheduledReportRows rows, ReportTemplates templates, JsonMapper json, Clock clock) {
        this.rows = rows;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    /** The schedule as V1 showed it, plus its zone and attachment format. */
    Map<String, Object> view(ScheduledReportRows.Schedule s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.id());
        view.put("name", s.name());
        view.put("template_id", s.templateId());
        view.put("frequency", s.frequency());
        view.put("recipients", s.recipients());
        view.put("user_id", s.userId());
        view.put("enabled", s.enabled());
        view.put("last_sent", s.lastSent());
        view.put("next_run", s.nextRun());
        view.put("params", params(s.params()));
        view.put("created_at", s.createdAt());
        view.put("timezone", s.timezone());
        view.put("attachment", s.attachment());
        return view;
    }

    Map<String, Object> params(String text) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.readValue(text, Map.class);
            return map;
        } catch (JacksonException e) {
            throw new IllegalStateException("stored params are not JSON: " + text, e);
        }
    }

    @Transactional
    ScheduledReportRows.Schedule create(AuthenticatedUser me, Change c) {
        if (c.name() == null || c.name().isBlank() || c.templateId() == null || c.frequency() == null || c.recipients() == null) {
            throw ApiException.invalid("name, template_id, frequency and recipients are required");
        }
        requireNameLength(c.name());
        String tz = zone(c.timezone() == null ? me.zone().getId() : c.timezone());
        ScheduledReportRows.Schedule s = new ScheduledReportRows.Schedule(newId(), me.id(), c.name().strip(), template(c.templateId()),
                frequency(c.frequency()).value(), recipients(c.recipients()), write(c.params()), tz, attachment(c.attachment()),
                c.enabled() == null || c.enabled(), null, null, clock.instant());
        s = withNextRun(s);
        check(s);
        rows.insert(s);
        return rows.find(s.id()).orElseThrow();
    }

    @Transactional
    ScheduledReportRows.Schedule update(AuthenticatedUser me, String id, Change c) {
        ScheduledReportRows.Schedule old = visible(me, id);
        if (c.name() != null && c.name().isBlank()) {
            throw ApiException.invalid("name: must not be blank");
        }
        if (c.name() != null) {
            requireNameLength(c.name());
        }
        if (c.templateId() != null && !c.templateId().equals(old.templateId())) {
            throw ApiException.invalid("template_id: cannot be changed; create a new scheduled report");
        }
        ScheduledReportRows.Schedule s = new ScheduledReportRows.Schedule(old.id(), old.userId(),
                c.name() == null ? old.name() : c.name().strip(), old.templateId(),
                c.frequency() == null ? old.frequency() : frequency(c.frequency()).value(),
                c.recipients() == null ? old.recipients() : recipients(c.recipients()),
                c.params() == null ? old.params() : write(c.params()),
                c.timezone() == null ? old.timezone() : zone(c.timezone()),
                c.attachment() == null ? old.attachment() : attachment(c.attachment()),
                c.enabled() == null ? old.enabled() : c.enabled(), old.lastSent(), old.nextRun(), old.createdAt());
        if (!s.frequency().equals(old.frequency()) || !s.timezone().equals(old.timezone()) || s.enabled() && !old.enabled()) {
            s = withNextRun(s);
        }
        if (s.enabled()) { // a paused schedule runs nothing, so one that can no longer run can still be paused
            check(s);
        }
        rows.update(s);
        return rows.find(id).orElseThrow();
    }

    @Transactional
    ScheduledReportRows.Schedule toggle(AuthenticatedUser me, String id) {
        ScheduledReportRows.Schedule old = visible(me, id);
        return update(me, id, new Change(null, null, null, null, null, null, null, !old.enabled()));
    }

    void delete(AuthenticatedUser me, String id) {
        visible(me, id);
        rows.delete(id);
    }

    /** The schedule, when the caller owns it or is an admin; 404 as for a missing one otherwise, so ids reveal nothing. */
    ScheduledReportRows.Schedule visible(AuthenticatedUser me, String id) {
        return rows.find(id).filter(s -> ReportPolicy.canManageSchedule(me.role(), s.userId() == me.id()))
                .orElseThrow(() -> ApiException.notFound("Scheduled report not found"));
    }

    /**
     * Generates the report once as its owner would get it (also when an admin changes someone else's
     * schedule), so a schedule that cannot run is refused now, not at 08:00.
     */
    private void check(ScheduledReportRows.Schedule s) {
        templates.generate(s.templateId(), owner(s), params(s.params()));
    }

    /** The schedule's owner as a reporter in the schedule's zone: their current role applies; 403 when they are no longer active. */
    Reporter owner(ScheduledReportRows.Schedule s) {
        ScheduledReportRows.Owner owner = rows.owner(s.userId()).filter(ScheduledReportRows.Owner::active)
                .orElseThrow(() -> ApiException.forbidden("The report's owner is no longer active"));
        return new Reporter(owner.id(), Role.parse(owner.role()).orElse(Role.REGULAR_USER), ZoneId.of(s.timezone()));
    }

    private ScheduledReportRows.Schedule withNextRun(ScheduledReportRows.Schedule s) {
        Instant next = Frequency.parse(s.frequency()).orElseThrow().nextRun(clock.instant(), ZoneId.of(s.timezone()));
        return new ScheduledReportRows.Schedule(s.id(), s.userId(), s.name(), s.templateId(), s.frequency(), s.recipients(), s.params(),
                s.timezone(), s.attachment(), s.enabled(), s.lastSent(), next, s.createdAt());
    }

    private static String newId() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static final int MAX_NAME = 200;

    private static void requireNameLength(String name) {
        if (name.strip().length() > MAX_NAME) {
            throw ApiException.invalid("name: at most " + MAX_NAME + " characters");
        }
    }

    private static String template(String id) {
        return ReportTemplates.template(id).map(ReportTemplates.Template::id)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "bad_request", "Invalid template ID"));
    }

    private static Frequency frequency(String value) {
        return Frequency.parse(value).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "bad_request", "Invalid frequency"));
    }

    private static String zone(String tz) {
        if (tz.isBlank()) {
            throw ApiException.invalid("timezone: must not be blank");
        }
        try {
            return DateRanges.zone(tz, null).getId();
        } catch (ApiException e) {
            throw ApiException.invalid("timezone: unknown time zone '" + tz + "'");
        }
    }

    private static String attachment(String value) {
        if (value == null) {
            return "csv";
        }
        try {
            return ExportFormat.parse(value, ExportFormat.CSV, ExportFormat.XLSX).extension();
        } catch (ApiException e) {
            throw ApiException.invalid("attachment: must be csv or xlsx, got '" + value + "'");
        }
    }

    private static List<String> recipients(List<String> recipients) {
        if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw ApiException.invalid("recipients: between 1 and " + MAX_RECIPIENTS + " email addresses");
        }
        return recipients.stream().map(r -> {
            String address = r == null ? "" : r.strip();
            try {
                new InternetAddress(address, true);
            } catch (AddressException e) {
                throw ApiException.invalid("recipients: '" + r + "' is not an email address");
            }
            if (!address.contains("@") || address.matches(".*[\"{},\\s<>].*")) {
                throw ApiException.invalid("recipients: '" + r + "' is not an email address");
            }
            return address;
        }).distinct().toList();
    }

    private String write(Map<String, Object> params) {
        return json.writeValueAsString(params == null ? Map.of() : params);
    }
}
