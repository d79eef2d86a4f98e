package com.timetracker.payroll.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pay of one person for one period (docs/payroll.md): pure, no database and no clock. Each worked
 * interval counts on its local start date in the person's zone and is paid by the rate in effect on
 * that date. Overtime is counted per ISO week (Monday to Sunday, local), clipped to the period.
 * Money is rounded to cents HALF_UP once per line; the gross is the sum of the lines.
 */
final class PayCalculation {

    static final String HOURLY = "hourly";
    static final String DAILY = "daily";
    static final String MONTHLY = "monthly";
    static final String PROJECT_BASED = "project_based";
    static final List<String> RATE_TYPES = List.of(HOURLY, DAILY, MONTHLY, PROJECT_BASED);
    static final BigDecimal DEFAULT_WEEKLY_HOURS = new BigDecimal("40");

    private static final BigDecimal SECONDS_PER_HOUR = new BigDecimal(3600);

    private PayCalculation() {
    }

    /** A pay rate: base per hour (hourly), per worked day (daily), per calendar month (monthly) or the whole fee (project_based). */
    record Rate(long id, String type, BigDecimal base, BigDecimal overtimeMultiplier, LocalDate from, LocalDate to) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    /** A completed time entry: when it started and how long it lasted. */
    record Work(Instant start, long seconds) {
    }

    /** What one rate paid in the period; hours are exact (seconds / 3600), the amount is in cents. */
    record Line(Rate rate, long regularSeconds, long overtimeSeconds, int days, BigDecimal amount) {

        BigDecimal regularHours() {
            return hours(regularSeconds);
        }

        BigDecimal overtimeHours() {
            return hours(overtimeSeconds);
        }
    }

    /**
     * The entry for the period: hours rounded to 0.01 for display, the gross as the sum of the lines,
     * and the rate in effect at the last covered day of the period ({@code applied}, null when no line).
     */
    record Result(BigDecimal regularHours, BigDecimal overtimeHours, BigDecimal gross, Rate applied, List<Line> lines) {

        BigDecimal regularRate() {
            return applied == null ? Money.ZERO : Money.cents(applied.base());
        }

        /** Per hour for hourly rates (base × multiplier, shown to the cent); other types pay no overtime. */
        BigDecimal overtimeRate() {
            return applied == null || !HOURLY.equals(applied.type()) ? Money.ZERO
                    : Money.cents(applied.base().multiply(applied.overtimeMultiplier()));
        }
    }

    /** The facts of one period for one person. */
    record Input(LocalDate start, LocalDate end, ZoneId zone, BigDecimal weeklyHours, String rateTypeFilter,
                 List<Rate> rates, List<Work> work, Set<Long> projectRatesPaidElsewhere) {
    }

    static Result calculate(Input in) {
        BigDecimal weekly = in.weeklyHours() == null || in.weeklyHours().signum() <= 0 ? DEFAULT_WEEKLY_HOURS : in.weeklyHours();
        long thresholdSeconds = weekly.multiply(SECONDS_PER_HOUR).setScale(0, RoundingMode.HALF_UP).longValueExact();
        Map<Long, Acc> acc = new LinkedHashMap<>();

        List<Work> work = new ArrayList<>(in.work());
        work.sort(Comparator.comparing(Work::start));
        Map<LocalDate, Long> weekSeconds = new LinkedHashMap<>();
        for (Work w : work) {
            LocalDate day = w.start().atZone(in.zone()).toLocalDate();
            Rate rate = counted(in, day);
            if (rate == null) {
                continue;
            }
            Acc a = acc.computeIfAbsent(rate.id(), id -> new Acc(rate));
            if (HOURLY.equals(rate.type())) {
                LocalDate week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                long before = weekSeconds.getOrDefault(week, 0L);
                long regular = Math.max(0, Math.min(w.seconds(), thresholdSeconds - before));
                weekSeconds.put(week, before + w.seconds());
                a.regularSeconds += regular;
                a.overtimeSeconds += w.seconds() - regular;
            } else {
                a.regularSeconds += w.seconds();
                a.workedDays.add(day);
            }
        }
        Rate applied = null;
        for (LocalDate day = in.start(); !day.isAfter(in.end()); day = day.plusDays(1)) {
            Rate rate = counted(in, day);
            if (rate == null) {
                continue;
            }
            applied = rate;
            if (MONTHLY.equals(rate.type())) {
                acc.computeIfAbsent(rate.id(), id -> new Acc(rate)).monthShares
                        .merge(day.withDayOfMonth(1), 1, Integer::sum);
            }
            if (PROJECT_BASED.equals(rate.type())) {
                Acc a = acc.computeIfAbsent(rate.id(), id -> new Acc(rate));
                a.feeDue |= day.equals(rate.to()) && !in.projectRatesPaidElsewhere().contains(rate.id());
            }
        }

        List<Line> lines = acc.values().stream().map(Acc::line).toList();
        long regular = lines.stream().mapToLong(Line::regularSeconds).sum();
        long overtime = lines.stream().mapToLong(Line::overtimeSeconds).sum();
        BigDecimal gross = lines.stream().map(Line::amount).reduce(Money.ZERO, BigDecimal::add);
        return new Result(Money.cents(hours(regular)), Money.cents(hours(overtime)), gross, applied, lines);
    }

    /** The rate in effect on a day: the covering rate with the latest effective_from (then the newest id). */
    static Rate rateOn(List<Rate> rates, LocalDate day) {
        Rate best = null;
        for (Rate r : rates) {
            if (r.covers(day) && (best == null || r.from().isAfter(best.from()) || r.from().equals(best.from()) && r.id() > best.id())) {
                best = r;
            }
        }
        return best;
    }

    /** The rate that pays for this day of the period, or null (outside the period, no rate, filtered out). */
    private static Rate counted(Input in, LocalDate day) {
        if (day.isBefore(in.start()) || day.isAfter(in.end())) {
            return null;
        }
        Rate rate = rateOn(in.rates(), day);
        return rate == null || in.rateTypeFilter() != null && !in.rateTypeFilter().equals(rate.type()) ? null : rate;
    }

    private static BigDecimal hours(long seconds) {
        return new BigDecimal(seconds).divide(SECONDS_PER_HOUR, MathContext.DECIMAL128);
    }

    private static final class Acc {
        final Rate rate;
        long regularSeconds;
        long overtimeSeconds;
        final Set<LocalDate> workedDays = new TreeSet<>();
        final Map<LocalDate, Integer> monthShares = new LinkedHashMap<>();
        boolean feeDue;

        Acc(Rate rate) {
            this.rate = rate;
        }

        Line line() {
            BigDecimal exact;
            int days;
            switch (rate.type()) {
                case DAILY -> {
                    days = workedDays.size();
                    exact = rate.base().multiply(new BigDecimal(days));
                }
                case MONTHLY -> {
                    days = monthShares.values().stream().mapToInt(Integer::intValue).sum();
                    exact = monthShares.entrySet().stream()
                            .map(m -> rate.base().multiply(new BigDecimal(m.getValue()))
                                    .divide(new BigDecimal(m.getKey().lengthOfMonth()), MathContext.DECIMAL128))
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                }
                case PROJECT_BASED -> {
                    days = 0;
                    exact = feeDue ? rate.base() : BigDecimal.ZERO;
                }
                default -> {
                    days = 0;
                    exact = rate.base().multiply(hours(regularSeconds))
                            .add(rate.base().multiply(rate.overtimeMultiplier()).multiply(hours(overtimeSeconds)));
                }
            }
            return new Line(rate, regularSeconds, overtimeSeconds, days, Money.cents(exact));
        }
    }
}
