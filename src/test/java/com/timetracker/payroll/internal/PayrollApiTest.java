package com.timetracker.payroll.internal;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.timetracker.support.CatalogHttpTest;
import com.timetracker.support.Http;
import com.timetracker.support.People;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Payroll end to end over HTTP: the examples of docs/payroll.md that need the database. */
@CatalogHttpTest
class PayrollApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    People people;
    Http admin;
    long projectId;

    @BeforeEach
    void setUp() {
        people = new People(port);
        admin = people.create("admin").http();
        long owner = people.create("regular_user").id();
        long team = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES ('Payroll team', :u, now(), now()) RETURNING id")
                .param("u", owner).query(Long.class).single();
        projectId = jdbc.sql("INSERT INTO projects (team_id, name, color, is_archived, created_at, updated_at) VALUES (:t, 'P', '#3B82F6', false, now(), now()) RETURNING id")
                .param("t", team).query(Long.class).single();
    }

    People.Person worker(String zone) {
        People.Person p = people.create("regular_user");
        jdbc.sql("UPDATE users SET timezone = :z WHERE id = :id").param("z", zone).param("id", p.id()).update();
        return p;
    }

    long work(long userId, ZoneId zone, String localStart, long minutes) {
        Instant start = LocalDateTime.parse(localStart).atZone(zone).toInstant();
        return jdbc.sql("""
                        INSERT INTO time_entries (user_id, project_id, start_time, end_time, duration_seconds, is_running, created_at, updated_at)
                        VALUES (:u, :p, :s, :e, :d, false, now(), now()) RETURNING id""")
                .param("u", userId).param("p", projectId).param("s", Timestamp.from(start))
                .param("e", Timestamp.from(start.plus(Duration.ofMinutes(minutes)))).param("d", minutes * 60).query(Long.class).single();
    }

    long rate(long userId, String type, String base, String from) {
        HttpResponse<String> r = admin.post("/api/pay-rates", "{\"user_id\": " + userId + ", \"rate_type\": \"" + type + "\", \"base_rate\": " + base
                + ", \"overtime_multiplier\": 1.5, \"effective_from\": \"" + from + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r).get("id").asLong();
    }

    long period(String start, String end, String extra) {
        HttpResponse<String> r = admin.post("/api/payroll/periods", "{\"name\": \"P " + start + "\", \"start_date\": \"" + start
                + "\", \"end_date\": \"" + end + "\"" + extra + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r).get("id").asLong();
    }

    JsonNode process(long period) {
        HttpResponse<String> r = admin.post("/api/payroll/periods/" + period + "/process", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.json(r);
    }

    JsonNode entryOf(long period, long userId) {
        for (JsonNode e : Http.json(admin.get("/api/payroll/periods/" + period)).get("entries")) {
            if (e.get("user_id").asLong() == userId) {
                return e;
            }
        }
        return null;
    }

    String total(long period) {
        return Http.json(admin.get("/api/payroll/periods/" + period)).get("total_amount").asString();
    }

    @Test
    void losAngelesUserAdjustmentsReprocessingAndTheWorkflow() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        People.Person ann = worker("America/Los_Angeles");
        rate(ann.id(), "hourly", "20.00", "2025-01-01");
        work(ann.id(), la, "2025-12-31T20:00", 180);          // December in LA
        for (int d = 5; d <= 9; d++) {
            work(ann.id(), la, "2026-01-0" + d + "T09:00", 480);
        }
        long sunday = work(ann.id(), la, "2026-01-11T18:00", 120);
        work(ann.id(), la, "2026-01-31T18:00", 240);          // 1 February in UTC
        long period = period("2026-01-01", "2026-01-31", ", \"user_ids\": [" + ann.id() + "]");

        JsonNode processed = process(period);
        assertThat(processed.get("status").asString()).isEqualTo("processing");
        assertThat(processed.get("total_amount").asString()).isEqualTo("940.00");
        JsonNode entry = entryOf(period, ann.id());
        assertThat(entry.get("regular_hours").asString()).isEqualTo("44.00");
        assertThat(entry.get("overtime_hours").asString()).isEqualTo("2.00");
        assertThat(entry.get("regular_rate").asString()).isEqualTo("20.00");
        assertThat(entry.get("overtime_rate").asString()).isEqualTo("30.00");
        assertThat(entry.get("gross_amount").asString()).isEqualTo("940.00");
        assertThat(entry.get("rate_type").asString()).isEqualTo("hourly");
        long entryId = entry.get("id").asLong();

        // processing again changes nothing: same single entry
        process(period);
        assertThat(Http.json(admin.get("/api/payroll/periods/" + period + "/entries")).findValuesAsString("id")).containsExactly(String.valueOf(entryId));

        // one adjustment of each type: +100.00 −50.25 +30.10 −200.00 +0.15 = −120.00
        String[][] adjustments = {{"bonus", "100.00"}, {"deduction", "-50.25"}, {"reimbursement", "30.10"}, {"tax", "-200.00"}, {"other", "0.15"}};
        for (String[] a : adjustments) {
            HttpResponse<String> r = admin.post("/api/payroll/adjustments", "{\"payroll_entry_id\": " + entryId + ", \"adjustment_type\": \""
                    + a[0] + "\", \"description\": \"" + a[0] + "\", \"amount\": " + a[1] + "}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(Http.json(r).get("amount").asString()).isEqualTo(a[1]);
        }
        JsonNode adjusted = Http.json(admin.get("/api/payroll/entries/" + entryId));
        assertThat(adjusted.get("adjustments_amount").asString()).isEqualTo("-120.00");
        assertThat(adjusted.get("net_amount").asString()).isEqualTo("820.00");
        assertThat(adjusted.get("adjustments")).hasSize(5);
        assertThat(total(period)).isEqualTo("820.00");

        // a deduction entered as a positive amount is refused (it would raise the pay)
        assertThat(admin.post("/api/payroll/adjustments", "{\"payroll_entry_id\": " + entryId
                + ", \"adjustment_type\": \"deduction\", \"description\": \"x\", \"amount\": 10}").statusCode()).isEqualTo(422);

        // deleting the bonus recomputes at once
        long bonus = adjusted.get("adjustments").get(0).get("id").asLong();
        assertThat(admin.delete("/api/payroll/adjustments/" + bonus).statusCode()).isEqualTo(204);
        assertThat(total(period)).isEqualTo("720.00");

        // the Sunday evening entry is corrected to 3 h: re-processing keeps the entry and its adjustments
        jdbc.sql("UPDATE time_entries SET end_time = start_time + interval '3 hours', duration_seconds = 10800 WHERE id = :id")
                .param("id", sunday).update();
        process(period);
        JsonNode again = Http.json(admin.get("/api/payroll/entries/" + entryId));
        assertThat(again.get("overtime_hours").asString()).isEqualTo("3.00");
        assertThat(again.get("gross_amount").asString()).isEqualTo("970.00");
        assertThat(again.get("net_amount").asString()).isEqualTo("750.00");
        assertThat(total(period)).isEqualTo("750.00");

        // approved: immutable
        JsonNode approved = Http.json(admin.post("/api/payroll/periods/" + period + "/approve", ""));
        assertThat(approved.get("status").asString()).isEqualTo("approved");
        assertThat(approved.get("approved_by").isNull()).isFalse();
        assertThat(Http.json(admin.get("/api/payroll/entries/" + entryId)).get("status").asString()).isEqualTo("approved");
        HttpResponse<String> edit = admin.put("/api/payroll/entries/" + entryId, "{\"regular_hours\": 1}");
        assertThat(edit.statusCode()).isEqualTo(409);
        assertThat(Http.json(edit).get("message").asString()).contains("approved");
        assertThat(admin.post("/api/payroll/adjustments", "{\"payroll_entry_id\": " + entryId
                + ", \"adjustment_type\": \"bonus\", \"description\": \"late\", \"amount\": 5}").statusCode()).isEqualTo(409);
        assertThat(admin.post("/api/payroll/periods/" + period + "/process", "").statusCode()).isEqualTo(409);
        assertThat(admin.put("/api/payroll/periods/" + period, "{\"name\": \"renamed\"}").statusCode()).isEqualTo(409);
        assertThat(admin.delete("/api/payroll/periods/" + period).statusCode()).isEqualTo(409);

        // the owner now sees their entry
        assertThat(ann.http().get("/api/payroll/entries/" + entryId).statusCode()).isEqualTo(200);

        JsonNode paid = Http.json(admin.post("/api/payroll/periods/" + period + "/mark-paid", ""));
        assertThat(paid.get("status").asString()).isEqualTo("paid");
        assertThat(Http.json(admin.get("/api/payroll/entries/" + entryId)).get("status").asString()).isEqualTo("paid");
        HttpResponse<String> deletePaid = admin.delete("/api/payroll/periods/" + period);
        assertThat(deletePaid.statusCode()).isEqualTo(409);
        assertThat(Http.json(deletePaid).get("error").asString()).isEqualTo("conflict");
        assertThat(admin.post("/api/payroll/periods/" + period + "/void", "").statusCode()).isEqualTo(409);
        assertThat(admin.put("/api/payroll/periods/" + period, "{\"status\": \"draft\"}").statusCode()).isEqualTo(422);
        assertThat(total(period)).isEqualTo("750.00");
    }

    @Test
    void selectionAndFilterDecideWhoIsPaidAndDroppedPeopleLoseTheirEntries() {
        People.Person hourly = worker("UTC");
        People.Person salaried = worker("UTC");
        rate(hourly.id(), "hourly", "20.00", "2025-01-01");
        rate(salaried.id(), "monthly", "3100.00", "2025-01-01");
        work(hourly.id(), ZoneId.of("UTC"), "2026-03-10T09:00", 600);
        long period = period("2026-03-01", "2026-03-31", ", \"user_ids\": [" + hourly.id() + ", " + salaried.id() + "]");

        assertThat(process(period).get("total_amount").asString()).isEqualTo("3300.00");
        assertThat(entryOf(period, salaried.id()).get("gross_amount").asString()).isEqualTo("3100.00");

        JsonNode changed = Http.json(admin.put("/api/payroll/periods/" + period, "{\"user_ids\": [" + salaried.id() + "]}"));
        assertThat(changed.get("status").asString()).isEqualTo("draft");
        assertThat(admin.post("/api/payroll/periods/" + period + "/approve", "").statusCode()).isEqualTo(409);
        assertThat(process(period).get("total_amount").asString()).isEqualTo("3100.00");
        assertThat(entryOf(period, hourly.id())).isNull();

        long filtered = period("2026-03-01", "2026-03-31", ", \"user_ids\": [" + hourly.id() + ", " + salaried.id() + "], \"rate_type_filter\": \"hourly\"");
        JsonNode f = process(filtered);
        assertThat(f.get("entries_count").asInt()).isEqualTo(1);
        assertThat(f.get("total_amount").asString()).isEqualTo("200.00");

        JsonNode unfiltered = Http.json(admin.put("/api/payroll/periods/" + filtered, "{\"rate_type_filter\": \"all\"}"));
        assertThat(unfiltered.get("rate_type_filter").isNull()).isTrue();
        assertThat(process(filtered).get("entries_count").asInt()).isEqualTo(2);
        assertThat(admin.put("/api/payroll/periods/" + filtered, "{\"rate_type_filter\": \"\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void aRaiseClosesTheOldRateWithHistoryAndSplitsThePeriod() {
        People.Person bo = worker("UTC");
        long first = rate(bo.id(), "hourly", "20.00", "2026-01-01");
        long second = rate(bo.id(), "hourly", "25.00", "2026-03-11");
        JsonNode closed = Http.json(admin.get("/api/pay-rates/" + first));
        assertThat(closed.get("effective_to").asString()).isEqualTo("2026-03-10");
        assertThat(closed.get("is_active").asBoolean()).isTrue();
        JsonNode history = Http.json(admin.get("/api/pay-rates/" + first + "/history"));
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("change_type").asString()).isEqualTo("closed");
        assertThat(history.get(0).get("change_reason").asString()).isEqualTo("Superseded by pay rate " + second + " from 2026-03-11");
        assertThat(history.get(0).get("changes").get("effective_to").get("to").asString()).isEqualTo("2026-03-10");

        ZoneId utc = ZoneId.of("UTC");
        for (String day : List.of("02", "03", "04", "05", "06", "09", "10", "11", "12", "13")) {
            work(bo.id(), utc, "2026-03-" + day + "T09:00", 480);
        }
        work(bo.id(), utc, "2026-03-14T09:00", 240);
        long period = period("2026-03-02", "2026-03-15", ", \"period_type\": \"bi_weekly\", \"user_ids\": [" + bo.id() + "]");
        process(period);
        JsonNode entry = entryOf(period, bo.id());
        assertThat(entry.get("gross_amount").asString()).isEqualTo("1870.00");
        assertThat(entry.get("pay_rate_id").asLong()).isEqualTo(second);
        assertThat(entry.get("rate_lines").findValuesAsString("amount")).containsExactly("1120.00", "750.00");

        // an update with a reason is recorded with who changed what
        HttpResponse<String> update = admin.put("/api/pay-rates/" + second, "{\"base_rate\": 26.00, \"change_reason\": \"Annual review\"}");
        assertThat(Http.json(update).get("base_rate").asString()).isEqualTo("26.00");
        JsonNode h = Http.json(admin.get("/api/pay-rates/" + second + "/history")).get(0);
        assertThat(h.get("previous_rate").asString()).isEqualTo("25.00");
        assertThat(h.get("new_rate").asString()).isEqualTo("26.00");
        assertThat(h.get("change_reason").asString()).isEqualTo("Annual review");
        assertThat(h.get("changed_by_name").isNull()).isFalse();
    }

    @Test
    void aPeriodWithNoTimePaysSalariesOnlyAndDeletingADraftRemovesIt() {
        People.Person hourly = worker("UTC");
        People.Person salaried = worker("UTC");
        rate(hourly.id(), "hourly", "20.00", "2025-01-01");
        rate(salaried.id(), "monthly", "6500.00", "2025-01-01");
        long period = period("2025-12-01", "2025-12-14", ", \"user_ids\": [" + hourly.id() + ", " + salaried.id() + "]");
        JsonNode p = process(period);
        assertThat(p.get("entries_count").asInt()).isEqualTo(2);
        assertThat(entryOf(period, hourly.id()).get("gross_amount").asString()).isEqualTo("0.00");
        assertThat(entryOf(period, salaried.id()).get("gross_amount").asString()).isEqualTo("2935.48");
        assertThat(p.get("total_amount").asString()).isEqualTo("2935.48");

        assertThat(admin.delete("/api/payroll/periods/" + period).statusCode()).isEqualTo(204);
        assertThat(admin.get("/api/payroll/periods/" + period).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_entries WHERE payroll_period_id = :p").param("p", period).query(Long.class).single()).isZero();
    }

    @Test
    void manualEntriesTakeTheHourlyRateAndAreOnePerUserAndPeriod() {
        People.Person cy = worker("UTC");
        rate(cy.id(), "hourly", "30.00", "2025-01-01");
        long period = period("2026-04-01", "2026-04-30", "");
        HttpResponse<String> created = admin.post("/api/payroll/entries", "{\"payroll_period_id\": " + period + ", \"user_id\": " + cy.id()
                + ", \"regular_hours\": 10, \"overtime_hours\": 2}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Http.json(created).get("gross_amount").asString()).isEqualTo("390.00");
        assertThat(total(period)).isEqualTo("390.00");
        assertThat(admin.post("/api/payroll/entries", "{\"payroll_period_id\": " + period + ", \"user_id\": " + cy.id()
                + ", \"regular_hours\": 1}").statusCode()).isEqualTo(409);
        long id = Http.json(created).get("id").asLong();
        JsonNode edited = Http.json(admin.put("/api/payroll/entries/" + id, "{\"regular_hours\": 12.5}"));
        assertThat(edited.get("gross_amount").asString()).isEqualTo("465.00");
        assertThat(total(period)).isEqualTo("465.00");
    }

    @Test
    void aVoidPeriodIsFrozenButDeletableAndADeletedRateAppliesNowhere() {
        People.Person eve = worker("UTC");
        long rateId = rate(eve.id(), "hourly", "20.00", "2025-01-01");
        work(eve.id(), ZoneId.of("UTC"), "2026-08-03T09:00", 120);
        long period = period("2026-08-01", "2026-08-31", ", \"user_ids\": [" + eve.id() + "]");
        assertThat(process(period).get("total_amount").asString()).isEqualTo("40.00");
        long entryId = entryOf(period, eve.id()).get("id").asLong();
        assertThat(Http.json(admin.post("/api/payroll/periods/" + period + "/void", "")).get("status").asString()).isEqualTo("void");
        assertThat(admin.post("/api/payroll/adjustments", "{\"payroll_entry_id\": " + entryId
                + ", \"adjustment_type\": \"bonus\", \"description\": \"x\", \"amount\": 1}").statusCode()).isEqualTo(409);
        assertThat(admin.post("/api/payroll/periods/" + period + "/approve", "").statusCode()).isEqualTo(409);
        assertThat(admin.delete("/api/payroll/periods/" + period).statusCode()).isEqualTo(204);

        assertThat(Http.json(admin.get("/api/pay-rates/user/" + eve.id() + "/current")).get("id").asLong()).isEqualTo(rateId);
        assertThat(admin.delete("/api/pay-rates/" + rateId).statusCode()).isEqualTo(204);
        JsonNode deleted = Http.json(admin.get("/api/pay-rates/" + rateId));
        assertThat(deleted.get("is_active").asBoolean()).isFalse();
        assertThat(Http.json(admin.get("/api/pay-rates/" + rateId + "/history")).get(0).get("change_type").asString()).isEqualTo("deactivated");
        assertThat(admin.get("/api/pay-rates/user/" + eve.id() + "/current").body()).isEqualTo("null");
        assertThat(Http.json(admin.get("/api/pay-rates/user/" + eve.id()))).isEmpty();
        assertThat(Http.json(admin.get("/api/pay-rates/user/" + eve.id() + "?include_inactive=true"))).hasSize(1);
        long next = period("2026-08-01", "2026-08-31", ", \"user_ids\": [" + eve.id() + "]");
        assertThat(process(next).get("entries_count").asInt()).isZero();
    }

    @Test
    void processingTwiceAtTheSameTimeStillGivesOneEntryPerPerson() throws Exception {
        People.Person fay = worker("UTC");
        rate(fay.id(), "hourly", "20.00", "2025-01-01");
        work(fay.id(), ZoneId.of("UTC"), "2026-09-01T09:00", 90);
        long period = period("2026-09-01", "2026-09-30", ", \"user_ids\": [" + fay.id() + "]");
        var runs = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> admin.post("/api/payroll/periods/" + period + "/process", "")))
                .toList();
        for (var run : runs) {
            assertThat(run.get().statusCode()).isEqualTo(200);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_entries WHERE payroll_period_id = :p").param("p", period).query(Long.class).single()).isEqualTo(1);
        assertThat(total(period)).isEqualTo("30.00");
    }

    @Test
    void adminReadsAreAudited() {
        long period = period("2026-05-01", "2026-05-31", "");
        long before = jdbc.sql("SELECT count(*) FROM audit_logs WHERE action = 'PAYROLL_READ' AND resource_type = 'payroll_period' AND resource_id = :p")
                .param("p", period).query(Long.class).single();
        admin.get("/api/payroll/periods/" + period);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_logs WHERE action = 'PAYROLL_READ' AND resource_type = 'payroll_period' AND resource_id = :p")
                .param("p", period).query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void badInputIsA4xxInTheErrorShapeAndWritesNothing() {
        People.Person dee = worker("UTC");
        long periods = jdbc.sql("SELECT count(*) FROM payroll_periods").query(Long.class).single();
        long rates = jdbc.sql("SELECT count(*) FROM pay_rates").query(Long.class).single();

        assertError(admin.post("/api/payroll/periods", "{\"name\": \"x\", \"start_date\": \"2026-02-10\", \"end_date\": \"2026-02-01\"}"),
                422, "end_date must be after start_date");
        assertError(admin.post("/api/payroll/periods", "{\"name\": \"x\", \"start_date\": \"2026-02-01\", \"end_date\": \"2026-02-10\", \"user_ids\": [999999]}"),
                422, "unknown users [999999]");
        assertError(admin.post("/api/payroll/periods", "{\"name\": \"x\", \"start_date\": \"2026-01-01\", \"end_date\": \"2027-06-01\"}"),
                422, "at most one year");
        assertError(admin.post("/api/payroll/periods", "{\"name\": \"x\", \"start_date\": \"2026-02-01\", \"end_date\": \"2026-02-10\", \"period_type\": \"yearly\"}"),
                422, "period_type: ");
        assertError(admin.post("/api/payroll/periods", "{\"name\": \"x\", \"start_date\": \"someday\", \"end_date\": \"2026-02-10\"}"),
                422, "start_date");
        assertError(admin.post("/api/payroll/periods", "{\"name\": "), 422, "not valid JSON");
        assertError(admin.post("/api/pay-rates", "{\"user_id\": " + dee.id() + ", \"base_rate\": -1, \"effective_from\": \"2026-01-01\"}"),
                422, "base_rate: ");
        assertError(admin.post("/api/pay-rates", "{\"user_id\": " + dee.id() + ", \"base_rate\": 10, \"overtime_multiplier\": 0.5, \"effective_from\": \"2026-01-01\"}"),
                422, "overtime_multiplier: must be 1 or more");
        assertError(admin.post("/api/pay-rates", "{\"user_id\": 999999, \"base_rate\": 10, \"effective_from\": \"2026-01-01\"}"),
                422, "no user with id 999999");
        assertError(admin.post("/api/pay-rates", "{\"user_id\": " + dee.id() + ", \"base_rate\": \"lots\", \"effective_from\": \"2026-01-01\"}"),
                422, "base_rate");
        assertError(admin.post("/api/pay-rates", "{\"user_id\": " + dee.id() + ", \"base_rate\": 10.001, \"effective_from\": \"2026-01-01\"}"),
                422, "base_rate: ");
        assertError(admin.post("/api/pay-rates", "{\"user_id\": " + dee.id() + ", \"base_rate\": 10, \"rate_type\": \"weekly\", \"effective_from\": \"2026-01-01\"}"),
                422, "rate_type: ");
        assertError(admin.post("/api/pay-rates", "{\"user_id\": " + dee.id() + ", \"base_rate\": 10, \"effective_from\": \"2026-02-01\", \"effective_to\": \"2026-01-01\"}"),
                422, "effective_to");
        assertError(admin.post("/api/pay-rates", "{\"user_id\": " + dee.id() + ", \"base_rate\": 99999999, \"overtime_multiplier\": 2, \"effective_from\": \"2026-01-01\"}"),
                422, "must not exceed");
        assertError(admin.get("/api/payroll/periods/99999999"), 404, "Payroll period not found");
        assertError(admin.get("/api/payroll/periods/abc"), 422, "abc");
        assertError(admin.get("/api/pay-rates/99999999"), 404, "Pay rate not found");
        assertError(admin.post("/api/payroll/periods/99999999/approve", ""), 404, "Payroll period not found");
        assertError(admin.post("/api/payroll/adjustments", "{\"payroll_entry_id\": 99999999, \"adjustment_type\": \"bonus\", \"description\": \"x\", \"amount\": 1}"),
                404, "Payroll entry not found");
        assertError(admin.get("/api/payroll/periods?status=finished"), 422, "status");
        assertError(admin.get("/api/pay-rates?limit=501"), 422, "limit");

        assertThat(jdbc.sql("SELECT count(*) FROM payroll_periods").query(Long.class).single()).isEqualTo(periods);
        assertThat(jdbc.sql("SELECT count(*) FROM pay_rates").query(Long.class).single()).isEqualTo(rates);
    }

    static void assertError(HttpResponse<String> response, int status, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = Http.json(response);
        assertThat(body.has("error")).as(response.body()).isTrue();
        assertThat(body.has("request_id")).isTrue();
        assertThat(body.get("message").asString()).as(response.body()).contains(messagePart);
    }
}
