package com.timetracker.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.timetracker.exports.ExportFormat;
import com.timetracker.mail.MailOutbox;
import com.timetracker.mail.OutgoingMail;
import com.timetracker.platform.ApiException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs due scheduled reports on every node. Each report is claimed ({@code FOR UPDATE SKIP
 * LOCKED}), generated as its owner, mailed through the outbox, recorded in the history and moved to
 * its next send time in one transaction: two nodes never send one due time twice, and a crash
 * before commit leaves the report due for the next poll. Missed send times (the app was down) are
 * not caught up one by one: the report runs once and moves to the next time after now.
 */
@Component
class ReportScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReportScheduler.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    private static final int BATCH = 50;

    private final ScheduledReportRows rows;
    private final ScheduledReports schedules;
    private final ReportTemplates templates;
    private final MailOutbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReportScheduler(ScheduledReportRows rows, ScheduledReports schedules, ReportTemplates templates, MailOutbox outbox,
                    TransactionTemplate transaction, Clock clock) {
        this.rows = rows;
        this.schedules = schedules;
        this.templates = templates;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${timetracker.reports.poll-interval:30s}", initialDelayString = "${timetracker.reports.poll-interval:30s}")
    void runDue() {
        try {
            for (int i = 0; i < BATCH; i++) {
                if (!Boolean.TRUE.equals(transaction.execute(status -> runNext()))) {
                    return;
                }
            }
        } catch (DataAccessException e) {
            // The report stays due and is tried at the next poll.
            log.warn("Scheduled reports skipped a run: the database did not answer ({})", e.getMostSpecificCause().toString());
        }
    }

    /** @return whether a report was due */
    private boolean runNext() {
        Instant now = clock.instant();
        Optional<ScheduledReportRows.Schedule> due = rows.lockNextDue(now);
        if (due.isEmpty()) {
            return false;
        }
        ScheduledReportRows.Schedule s = due.get();
        ZoneId zone = ZoneId.of(s.timezone());
        Instant next = Frequency.parse(s.frequency()).orElseThrow().nextRun(now, zone);
        List<OutgoingMail> mails = List.of();
        String error = null;
        try {
            ReportTemplates.Generated report = templates.generate(s.templateId(), schedules.owner(s), schedules.params(s.params()));
            ExportFormat format = ExportFormat.parse(s.attachment(), ExportFormat.CSV, ExportFormat.XLSX);
            mails = ReportMail.render(s.name(), report.table(), format, s.recipients());
        } catch (ApiException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            error = error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH) + "...";
        }
        if (rows.recordRun(s, error == null ? "sent" : "failed", error, now)) {
            mails.forEach(outbox::enqueue);
            if (error == null) {
                log.info("Scheduled report {} '{}' queued for {} recipient(s); next run {}", s.id(), s.name(), mails.size(), next);
            } else {
                log.warn("Scheduled report {} '{}' failed: {}; next run {}", s.id(), s.name(), error, next);
            }
        }
        rows.advance(s.id(), next, error == null ? now : null);
        return true;
    }
}
