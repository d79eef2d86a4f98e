package com.timetracker.payroll.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.timetracker.payroll.internal.PayCalculation.Rate;
import com.timetracker.payroll.internal.PayCalculation.Result;
import com.timetracker.payroll.internal.PayCalculation.Work;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of docs/payroll.md, to the cent. */
class PayCalculationTest {

    static final ZoneId UTC = ZoneId.of("UTC");

    static Rate rate(long id, String type, String base, String multiplier, String from, String to) {
        return new Rate(id, type, new BigDecimal(base), new BigDecimal(multiplier), LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    /** Work starting at a local wall-clock time in the zone, lasting the given minutes of real time. */
    static Work work(ZoneId zone, String localStart, long minutes) {
        return new Work(LocalDateTime.parse(localStart).atZone(zone).toInstant(), Duration.ofMinutes(minutes).toSeconds());
    }

    static Result calculate(String start, String end, ZoneId zone, List<Rate> rates, List<Work> work) {
        return calculate(start, end, zone, null, rates, work, Set.of());
    }

    static Result calculate(String start, String end, ZoneId zone, String filter, List<Rate> rates, List<Work> work, Set<Long> paid) {
        return PayCalculation.calculate(new PayCalculation.Input(LocalDate.parse(start), LocalDate.parse(end), zone, null, filter,
                rates, work, paid));
    }

    static void days(List<Work> work, ZoneId zone, String firstDay, int count, int hoursEach) {
        for (int i = 0; i < count; i++) {
            work.add(work(zone, LocalDate.parse(firstDay).plusDays(i) + "T09:00", hoursEach * 60L));
        }
    }

    @Test
    void hourlyOvertimeIsCountedPerIsoWeekNotPerPeriod() {
        // Mon 2 – Sun 15 March 2026: 45 h in the first week, 36 h in the second.
        List<Work> work = new ArrayList<>();
        days(work, UTC, "2026-03-02", 5, 9);
        days(work, UTC, "2026-03-09", 4, 9);
        Result r = calculate("2026-03-02", "2026-03-15", UTC, List.of(rate(1, "hourly", "20.00", "1.50", "2026-01-01", null)), work);

        assertThat(r.regularHours()).isEqualByComparingTo("76.00");
        assertThat(r.overtimeHours()).isEqualByComparingTo("5.00");
        assertThat(r.gross()).isEqualTo(new BigDecimal("1670.00"));
        assertThat(r.regularRate()).isEqualTo(new BigDecimal("20.00"));
        assertThat(r.overtimeRate()).isEqualTo(new BigDecimal("30.00"));
    }

    @Test
    void anEntryCountsWhollyInTheWeekOfItsLocalStartAndTheWeekIsClippedToThePeriod() {
        // Period starts on Wednesday 4 March: Mon/Tue of that week are outside and do not count towards 40 h.
        List<Work> work = new ArrayList<>();
        days(work, UTC, "2026-03-02", 2, 10);                  // outside the period
        days(work, UTC, "2026-03-04", 4, 10);                  // Wed–Sat: 40 h
        work.add(work(UTC, "2026-03-08T22:00", 180));          // Sunday 22:00 → Monday 01:00: 3 h, all in week 1
        days(work, UTC, "2026-03-09", 1, 8);                   // next week: regular
        Result r = calculate("2026-03-04", "2026-03-15", UTC, List.of(rate(1, "hourly", "20.00", "1.50", "2026-01-01", null)), work);

        assertThat(r.regularHours()).isEqualByComparingTo("48.00");
        assertThat(r.overtimeHours()).isEqualByComparingTo("3.00");
        assertThat(r.gross()).isEqualTo(new BigDecimal("1050.00"));  // 48 × 20 + 3 × 30
    }

    @Test
    void aRaiseInTheMiddleOfThePeriodSplitsAndOvertimeIsPaidAtTheRateOfTheDayItWasWorked() {
        List<Rate> rates = List.of(rate(1, "hourly", "20.00", "1.50", "2026-01-01", "2026-03-10"),
                rate(2, "hourly", "25.00", "1.50", "2026-03-11", null));
        List<Work> work = new ArrayList<>();
        days(work, UTC, "2026-03-02", 5, 8);   // week 1: 40 h at 20
        days(work, UTC, "2026-03-09", 2, 8);   // Mon–Tue: 16 h at 20
        days(work, UTC, "2026-03-11", 3, 8);   // Wed–Fri: 24 h at 25
        days(work, UTC, "2026-03-14", 1, 4);   // Saturday: 4 h overtime at 25 × 1.5
        Result r = calculate("2026-03-02", "2026-03-15", UTC, rates, work);

        assertThat(r.lines()).extracting(l -> l.rate().id(), PayCalculation.Line::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, new BigDecimal("1120.00")),
                        org.assertj.core.groups.Tuple.tuple(2L, new BigDecimal("750.00")));
        assertThat(r.gross()).isEqualTo(new BigDecimal("1870.00"));
        assertThat(r.regularHours()).isEqualByComparingTo("80.00");
        assertThat(r.overtimeHours()).isEqualByComparingTo("4.00");
        assertThat(r.applied().id()).isEqualTo(2);
        assertThat(r.overtimeRate()).isEqualTo(new BigDecimal("37.50"));
    }

    @Test
    void dailyCountsDistinctLocalDays() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<Work> work = List.of(
                work(UTC, "2026-03-02T09:00", 240), work(UTC, "2026-03-02T14:00", 180),
                work(UTC, "2026-03-03T23:30", 120),       // 00:30 on 4 March in Berlin
                work(UTC, "2026-03-04T08:00", 60));
        Result r = calculate("2026-03-01", "2026-03-31", berlin, List.of(rate(3, "daily", "320.00", "1.00", "2025-06-01", null)), work);

        assertThat(r.lines().get(0).days()).isEqualTo(2);
        assertThat(r.gross()).isEqualTo(new BigDecimal("640.00"));
        assertThat(r.regularHours()).isEqualByComparingTo("10.00");
        assertThat(r.overtimeHours()).isEqualByComparingTo("0.00");
        assertThat(r.regularRate()).isEqualTo(new BigDecimal("320.00"));
        assertThat(r.overtimeRate()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void monthlyIsProratedByCalendarDaysOfEachMonth() {
        List<Rate> salary = List.of(rate(4, "monthly", "6500.00", "1.00", "2025-01-01", null));
        assertThat(calculate("2025-11-01", "2025-11-30", UTC, salary, List.of()).gross()).isEqualTo(new BigDecimal("6500.00"));
        assertThat(calculate("2025-12-01", "2025-12-14", UTC, salary, List.of()).gross()).isEqualTo(new BigDecimal("2935.48"));
        // 16/31 of January + 15/28 of February = 3354.8387… + 3482.1428… = 6836.9815…
        assertThat(calculate("2026-01-16", "2026-02-15", UTC, salary, List.of()).gross()).isEqualTo(new BigDecimal("6836.98"));
        // a salary starting on 20 November covers 11 of its 30 days
        List<Rate> late = List.of(rate(5, "monthly", "3000.00", "1.00", "2025-11-20", null));
        assertThat(calculate("2025-11-01", "2025-11-30", UTC, late, List.of()).gross()).isEqualTo(new BigDecimal("1100.00"));
    }

    @Test
    void aProjectFeeIsPaidOnceInThePeriodThatContainsItsEndDate() {
        List<Rate> fee = List.of(rate(6, "project_based", "1200.00", "1.00", "2026-02-17", "2026-03-20"));
        List<Work> work = List.of(work(UTC, "2026-02-20T09:00", 300), work(UTC, "2026-03-10T09:00", 120));
        Result february = calculate("2026-02-01", "2026-02-28", UTC, fee, work);
        assertThat(february.gross()).isEqualTo(new BigDecimal("0.00"));
        assertThat(february.regularHours()).isEqualByComparingTo("5.00");
        assertThat(calculate("2026-03-01", "2026-03-31", UTC, fee, work).gross()).isEqualTo(new BigDecimal("1200.00"));
        // already paid by another (not void) period: nothing again
        assertThat(calculate("2026-03-01", "2026-03-31", UTC, null, fee, work, Set.of(6L)).gross()).isEqualTo(new BigDecimal("0.00"));
        // open-ended: nothing is due until the engagement has an end date
        List<Rate> open = List.of(rate(7, "project_based", "1200.00", "1.00", "2026-02-17", null));
        assertThat(calculate("2026-03-01", "2026-03-31", UTC, open, work).gross()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aDstWeekCountsRealElapsedHours() {
        // New York leaves daylight saving on Sunday 1 November 2026 at 02:00: 00:30–03:30 on the clock is 4 hours.
        ZoneId newYork = ZoneId.of("America/New_York");
        List<Work> work = new ArrayList<>();
        days(work, newYork, "2026-10-26", 4, 10);
        work.add(new Work(LocalDateTime.parse("2026-11-01T00:30").atZone(newYork).toInstant(),
                Duration.between(LocalDateTime.parse("2026-11-01T00:30").atZone(newYork), LocalDateTime.parse("2026-11-01T03:30").atZone(newYork)).toSeconds()));
        Result r = calculate("2026-10-26", "2026-11-01", newYork, List.of(rate(1, "hourly", "30.00", "1.50", "2026-01-01", null)), work);

        assertThat(r.regularHours()).isEqualByComparingTo("40.00");
        assertThat(r.overtimeHours()).isEqualByComparingTo("4.00");
        assertThat(r.gross()).isEqualTo(new BigDecimal("1380.00"));
    }

    @Test
    void aUserInLosAngelesIsPaidByLocalDatesAndLocalWeeks() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        List<Work> work = new ArrayList<>();
        work.add(work(la, "2025-12-31T20:00", 180));  // 04:00 UTC on 1 January, but December in LA
        days(work, la, "2026-01-05", 5, 8);           // Mon–Fri: 40 h
        work.add(work(la, "2026-01-11T18:00", 120));  // Sunday evening = Monday 02:00 UTC: still the week of 5 January
        work.add(work(la, "2026-01-31T18:00", 240));  // 02:00 UTC on 1 February, but January in LA
        Result r = calculate("2026-01-01", "2026-01-31", la, List.of(rate(1, "hourly", "20.00", "1.50", "2025-01-01", null)), work);

        assertThat(r.regularHours()).isEqualByComparingTo("44.00");
        assertThat(r.overtimeHours()).isEqualByComparingTo("2.00");
        assertThat(r.gross()).isEqualTo(new BigDecimal("940.00"));
    }

    @Test
    void theWeeklyThresholdIsThePersonsExpectedHoursAndCentsAreRoundedOncePerLine() {
        // 20.5 expected hours, 17.33 per hour × 1.25: 22 h 10 min worked in one week
        List<Work> work = List.of(work(UTC, "2026-03-02T09:00", 22 * 60 + 10));
        Result r = PayCalculation.calculate(new PayCalculation.Input(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-08"), UTC,
                new BigDecimal("20.50"), null, List.of(rate(1, "hourly", "17.33", "1.25", "2026-01-01", null)), work, Set.of()));
        // 20.5 × 17.33 = 355.265; 1 h 40 min × 21.6625 = 36.1041…; together 391.3691… → 391.37
        assertThat(r.gross()).isEqualTo(new BigDecimal("391.37"));
        assertThat(r.regularHours()).isEqualByComparingTo("20.50");
        assertThat(r.overtimeHours()).isEqualByComparingTo("1.67");
        assertThat(r.overtimeRate()).isEqualTo(new BigDecimal("21.66"));
    }

    @Test
    void theRateTypeFilterCountsOnlyDaysUnderThatType() {
        List<Rate> rates = List.of(rate(1, "hourly", "20.00", "1.50", "2026-01-01", "2026-03-15"),
                rate(2, "monthly", "3100.00", "1.00", "2026-03-16", null));
        List<Work> work = List.of(work(UTC, "2026-03-10T09:00", 600));
        assertThat(calculate("2026-03-01", "2026-03-31", UTC, "hourly", rates, work, Set.of()).gross()).isEqualTo(new BigDecimal("200.00"));
        assertThat(calculate("2026-03-01", "2026-03-31", UTC, "monthly", rates, work, Set.of()).gross()).isEqualTo(new BigDecimal("1600.00"));
        assertThat(calculate("2026-03-01", "2026-03-31", UTC, null, rates, work, Set.of()).gross()).isEqualTo(new BigDecimal("1800.00"));
        assertThat(calculate("2026-03-01", "2026-03-31", UTC, "daily", rates, work, Set.of()).lines()).isEmpty();
    }

    @Test
    void aPeriodWithoutTimePaysHourlyAndDailyNothing() {
        Result r = calculate("2026-03-01", "2026-03-31", UTC, List.of(rate(1, "hourly", "20.00", "1.50", "2026-01-01", null)), List.of());
        assertThat(r.gross()).isEqualTo(new BigDecimal("0.00"));
        assertThat(r.regularHours()).isEqualByComparingTo("0.00");
        assertThat(r.lines()).hasSize(0);
        assertThat(r.applied().id()).isEqualTo(1);
    }
}
