package com.timetracker.exports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.Role;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.UnsafeConfigurationException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request side of an export: format parameter, file name and headers, date range, time zone, cap. */
class ExportRequestsTest {

    private static final AuthenticatedUser BERLINER =
            new AuthenticatedUser(7, "b@example.com", "B", Role.REGULAR_USER, null, ZoneId.of("Europe/Berlin"));
    /** 2026-03-31 23:30 UTC is already April 1st in Berlin. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-31T23:30:00Z"), ZoneId.of("UTC"));

    private final DateRanges ranges = new DateRanges(CLOCK, new MockEnvironment());

    @Test
    void formatsAreParsedCaseInsensitivelyWithV1sExcelAlias() {
        assertThat(ExportFormat.parse("csv")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.parse(" XLSX ")).isEqualTo(ExportFormat.XLSX);
        assertThat(ExportFormat.parse("excel")).isEqualTo(ExportFormat.XLSX);
        assertThat(ExportFormat.parse("Pdf")).isEqualTo(ExportFormat.PDF);
    }

    @Test
    void anUnknownOrDisallowedFormatIsA422() {
        assertRefused(() -> ExportFormat.parse("docx"), "format: must be one of csv, xlsx, pdf, got 'docx'");
        assertRefused(() -> ExportFormat.parse(null), "format: must be one of csv, xlsx, pdf, got 'null'");
        assertRefused(() -> ExportFormat.parse("pdf", ExportFormat.CSV, ExportFormat.XLSX), "format: must be one of csv, xlsx, got 'pdf'");
    }

    @Test
    void fileNamesCarryTheDateRangeAndTheHeadersMakeADownload() {
        ExportFile file = ExportFile.of("time_entries", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), ExportFormat.CSV);
        assertThat(file.fileName()).isEqualTo("time_entries_2026-01-01_2026-01-31.csv");
        HttpHeaders headers = file.headers();
        assertThat(headers.getFirst("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(headers.getFirst("Content-Disposition")).isEqualTo("attachment; filename=\"time_entries_2026-01-01_2026-01-31.csv\"");
        assertThat(headers.getFirst("Cache-Control")).isEqualTo("no-store");

        assertThat(ExportFile.of("payroll report/\"x\"", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), ExportFormat.XLSX).fileName())
                .isEqualTo("payroll_report__x__2026-02-01_2026-02-28.xlsx");
        assertThat(ExportFormat.PDF.mediaType().toString()).isEqualTo("application/pdf");
        assertThat(ExportFormat.XLSX.mediaType().toString()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void aRangeIsWholeDaysInTheZoneAcrossDaylightSavingChanges() {
        DateRange march = ranges.required(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), null, BERLINER);
        assertThat(march.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(march.from()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(march.until()).as("a 23-hour day").isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));

        DateRange october = ranges.required(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), "Europe/Berlin", BERLINER);
        assertThat(october.until().getEpochSecond() - october.from().getEpochSecond()).as("a 25-hour day").isEqualTo(25 * 3600);

        DateRange tokyo = ranges.required(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "Asia/Tokyo", BERLINER);
        assertThat(tokyo.from()).isEqualTo(Instant.parse("2025-12-31T15:00:00Z"));
        assertThat(tokyo.until()).isEqualTo(Instant.parse("2026-01-31T15:00:00Z"));
    }

    @Test
    void missingDaysDefaultToThisMonthUpToTodayInTheZone() {
        DateRange berlin = ranges.orThisMonth(null, null, null, BERLINER);
        assertThat(berlin.first()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(berlin.last()).isEqualTo(LocalDate.of(2026, 4, 1));
        DateRange utc = ranges.orThisMonth(null, null, "UTC", BERLINER);
        assertThat(utc.first()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(utc.last()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(ranges.orThisMonth(null, LocalDate.of(2026, 2, 10), null, BERLINER).first()).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void badRangesAndZonesAre422s() {
        assertRefused(() -> ranges.required(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31), null, BERLINER),
                "end_date: must not be before start_date");
        assertRefused(() -> ranges.required(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "Mars/Olympus", BERLINER),
                "tz: unknown time zone 'Mars/Olympus'");
        assertRefused(() -> ranges.required(null, LocalDate.of(2026, 1, 31), null, BERLINER), "start_date: is required");
        assertRefused(() -> ranges.required(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2), null, BERLINER),
                "The date range covers 367 days; at most 366 are allowed");
        assertThat(ranges.required(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, BERLINER).last())
                .as("a whole leap year is allowed").isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void theCapIsConfigurable() {
        DateRanges week = new DateRanges(CLOCK, new MockEnvironment().withProperty("MAX_REPORT_RANGE_DAYS", "7"));
        assertThat(week.required(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 7), null, BERLINER).first()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertRefused(() -> week.required(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 8), null, BERLINER),
                "The date range covers 8 days; at most 7 are allowed");
        assertThatThrownBy(() -> new DateRanges(CLOCK, new MockEnvironment().withProperty("MAX_REPORT_RANGE_DAYS", "a year")))
                .isInstanceOf(UnsafeConfigurationException.class).hasMessageContaining("MAX_REPORT_RANGE_DAYS");
        assertThatThrownBy(() -> new DateRanges(CLOCK, new MockEnvironment().withProperty("MAX_REPORT_RANGE_DAYS", "0")))
                .isInstanceOf(UnsafeConfigurationException.class);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(e.code()).isEqualTo("validation_error");
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
