package com.timetracker.payroll.internal;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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

/** Payroll reports and who reaches which payroll endpoint (docs/permissions.md "Payroll"). */
@CatalogHttpTest
class PayrollReportsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    People people;
    Http admin;
    People.Person ann;
    People.Person bo;
    long approvedPeriod;
    long draftPeriod;
    long annApprovedEntry;
    long annDraftEntry;
    long boApprovedEntry;
    long annRate;

    @BeforeEach
    void twoPeopleInAnApprovedAndADraftPeriod() {
        people = new People(port);
        admin = people.create("admin").http();
        ann = people.create("regular_user");
        bo = people.create("regular_user");
        long team = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES ('R', :u, now(), now()) RETURNING id")
                .param("u", ann.id()).query(Long.class).single();
        long project = jdbc.sql("INSERT INTO projects (team_id, name, color, is_archived, created_at, updated_at) VALUES (:t, 'P', '#3B82F6', false, now(), now()) RETURNING id")
                .param("t", team).query(Long.class).single();
        annRate = Http.json(admin.post("/api/pay-rates", "{\"user_id\": " + ann.id() + ", \"base_rate\": 20, \"effective_from\": \"2025-01-01\"}")).get("id").asLong();
        admin.post("/api/pay-rates", "{\"user_id\": " + bo.id() + ", \"rate_type\": \"daily\", \"base_rate\": 300, \"effective_from\": \"2025-01-01\"}");
        for (String day : new String[] {"2026-06-01", "2026-06-02", "2026-06-03"}) {
            for (People.Person p : new People.Person[] {ann, bo}) {
                jdbc.sql("""
                                INSERT INTO time_entries (user_id, project_id, start_time, end_time, duration_seconds, is_running, created_at, updated_at)
                                VALUES (:u, :p, :s, :e, 36000, false, now(), now())""")
                        .param("u", p.id()).param("p", project).param("s", Timestamp.from(Instant.parse(day + "T08:00:00Z")))
                        .param("e", Timestamp.from(Instant.parse(day + "T18:00:00Z"))).update();
            }
        }
        String users = ", \"user_ids\": [" + ann.id() + ", " + bo.id() + "]";
        approvedPeriod = Http.json(admin.post("/api/payroll/periods", "{\"name\": \"June A\", \"period_type\": \"weekly\", \"start_date\": \"2026-06-01\", \"end_date\": \"2026-06-07\"" + users + "}")).get("id").asLong();
        draftPeriod = Http.json(admin.post("/api/payroll/periods", "{\"name\": \"June B\", \"start_date\": \"2026-06-02\", \"end_date\": \"2026-06-03\"" + users + "}")).get("id").asLong();
        admin.post("/api/payroll/periods/" + approvedPeriod + "/process", "");
        admin.post("/api/payroll/periods/" + draftPeriod + "/process", "");
        annApprovedEntry = entry(approvedPeriod, ann.id());
        boApprovedEntry = entry(approvedPeriod, bo.id());
        annDraftEntry = entry(draftPeriod, ann.id());
        admin.post("/api/payroll/adjustments", "{\"payroll_entry_id\": " + annApprovedEntry + ", \"adjustment_type\": \"bonus\", \"description\": \"Launch\", \"amount\": 50.5}");
        admin.post("/api/payroll/periods/" + approvedPeriod + "/approve", "");
    }

    long entry(long period, long user) {
        return jdbc.sql("SELECT id FROM payroll_entries WHERE payroll_period_id = :p AND user_id = :u").param("p", period).param("u", user)
                .query(Long.class).single();
    }

    @Test
    void summaryAndPayablesAddUpToTheCent() {
        // Ann: 30 h hourly at 20 = 600.00 (+50.50 bonus); Bo: 3 days at 300 = 900.00
        JsonNode summary = Http.json(admin.get("/api/payroll/reports/summary/" + approvedPeriod));
        assertThat(summary.get("period_name").asString()).isEqualTo("June A");
        assertThat(summary.get("status").asString()).isEqualTo("approved");
        assertThat(summary.get("total_employees").asInt()).isEqualTo(2);
        assertThat(summary.get("total_regular_hours").asString()).isEqualTo("60.00");
        assertThat(summary.get("total_gross_amount").asString()).isEqualTo("1500.00");
        assertThat(summary.get("total_adjustments").asString()).isEqualTo("50.50");
        assertThat(summary.get("total_net_amount").asString()).isEqualTo("1550.50");
        assertThat(Http.json(admin.get("/api/payroll/periods/" + approvedPeriod)).get("total_amount").asString()).isEqualTo("1550.50");

        JsonNode payables = Http.json(admin.get("/api/payroll/reports/payables?period_id=" + approvedPeriod));
        assertThat(payables.get("report_period").asString()).isEqualTo("2026-06-01 to 2026-06-07");
        assertThat(payables.get("summary").get("period_name").asString()).isEqualTo("June A");
        assertThat(payables.get("summary").get("status").asString()).isEqualTo("mixed");
        assertThat(payables.get("summary").get("total_net_amount").asString()).isEqualTo("1550.50");
        assertThat(payables.get("filters_applied").get("period_id").asLong()).isEqualTo(approvedPeriod);
        JsonNode annRow = payables.get("entries").get(0).get("user_id").asLong() == ann.id() ? payables.get("entries").get(0) : payables.get("entries").get(1);
        assertThat(annRow.get("rate_type").asString()).isEqualTo("hourly");
        assertThat(annRow.get("adjustments").get(0).get("description").asString()).isEqualTo("Launch");
        assertThat(annRow.get("adjustments_total").asString()).isEqualTo("50.50");
        assertThat(annRow.get("net_amount").asString()).isEqualTo("650.50");

        JsonNode both = Http.json(admin.post("/api/payroll/reports/payables", "{\"start_date\": \"2026-06-01\", \"end_date\": \"2026-06-30\", \"user_id\": " + bo.id() + "}"));
        assertThat(both.get("summary").get("period_name").asString()).isEqualTo("Multiple Periods (2)");
        assertThat(both.get("summary").get("total_gross_amount").asString()).isEqualTo("1500.00"); // 900 + 2 days × 300
        assertThat(both.get("report_period").asString()).isEqualTo("2026-06-01 to 2026-06-30");
        JsonNode none = Http.json(admin.get("/api/payroll/reports/payables?start_date=2030-01-01"));
        assertThat(none.get("summary").get("period_name").asString()).isEqualTo("No Data");
        assertThat(none.get("report_period").asString()).isEqualTo("From 2030-01-01");
        assertThat(admin.get("/api/payroll/reports/payables?status=done").statusCode()).isEqualTo(422);
        assertThat(admin.get("/api/payroll/reports/payables?start_date=2026-02-01&end_date=2026-01-01").statusCode()).isEqualTo(422);
    }

    @Test
    void peopleSeeTheirOwnApprovedPayOnly() {
        JsonNode mine = Http.json(ann.http().get("/api/payroll/reports/my-payroll"));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("period_name").asString()).isEqualTo("June A");
        assertThat(mine.get(0).get("net_amount").asString()).isEqualTo("650.50");
        assertThat(Http.json(ann.http().get("/api/payroll/reports/user/" + ann.id()))).hasSize(1);
        assertThat(Http.json(admin.get("/api/payroll/reports/user/" + ann.id()))).hasSize(2);
        assertThat(Http.json(ann.http().get("/api/payroll/user/" + ann.id() + "/entries")).get("total").asInt()).isEqualTo(1);
        assertThat(Http.json(admin.get("/api/payroll/user/" + ann.id() + "/entries")).get("total").asInt()).isEqualTo(2);
    }

    @Test
    void adminReportReadsAreAudited() {
        long before = auditRows("PAYROLL_READ");
        admin.get("/api/payroll/reports/summary/" + approvedPeriod);
        admin.get("/api/payroll/reports/payables");
        admin.get("/api/payroll/reports/user/" + ann.id());
        ann.http().get("/api/payroll/reports/my-payroll"); // a person reading their own pay is not an admin read
        assertThat(auditRows("PAYROLL_READ")).isEqualTo(before + 3);
    }

    @Test
    void payablesDownloadAsCsvXlsxAndPdfWithTotalsAndAreAudited() throws Exception {
        long exports = auditRows("PAYROLL_EXPORT");
        String query = "?period_id=" + approvedPeriod;
        HttpResponse<String> csv = admin.get("/api/payroll/reports/payables/export/csv" + query);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("payroll_report_2026-06-01_2026-06-07.csv");
        String annName = ann.name();
        String boName = bo.name();
        String first = annName.compareTo(boName) < 0 ? annName : boName;
        java.util.List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("User ID,User Name,Email,Period,Regular Hours,Overtime Hours,Regular Rate,Overtime Rate,Gross Amount,Adjustments,Net Amount");
        assertThat(lines).hasSize(4);
        assertThat(lines.stream().filter(l -> l.startsWith(ann.id() + ",")).findFirst().orElseThrow())
                .isEqualTo(ann.id() + "," + annName + "," + ann.email() + ",June A,30.00,0.00,20.00,30.00,600.00,50.50,650.50");
        assertThat(lines.stream().filter(l -> l.startsWith(bo.id() + ",")).findFirst().orElseThrow())
                .isEqualTo(bo.id() + "," + boName + "," + bo.email() + ",June A,30.00,0.00,300.00,0.00,900.00,0.00,900.00");
        assertThat(lines.get(1)).startsWith(String.valueOf(first.equals(annName) ? ann.id() : bo.id()));
        assertThat(lines.get(3)).isEqualTo("Total,2 employees,,2026-06-01 to 2026-06-07,60.00,0.00,,,1500.00,50.50,1550.50");

        var xlsx = admin.send(admin.request("/api/payroll/reports/payables/export/excel" + query).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains("payroll_report_2026-06-01_2026-06-07.xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(10).getStringCellValue()).isEqualTo("Net Amount");
            assertThat(sheet.getRow(3).getCell(10).getNumericCellValue()).isEqualTo(1550.50);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Total");
        }

        var pdf = admin.send(admin.request("/api/payroll/reports/payables/export/pdf" + query).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Payroll Report").contains("Period: 2026-06-01 to 2026-06-07").contains("1550.50");
        }

        assertThat(admin.get("/api/payroll/reports/payables/export/doc").statusCode()).isEqualTo(422);
        assertThat(ann.http().get("/api/payroll/reports/payables/export/csv").statusCode()).isEqualTo(403);
        assertThat(auditRows("PAYROLL_EXPORT")).isEqualTo(exports + 3);
    }

    long auditRows(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_logs WHERE action = :a").param("a", action).query(Long.class).single();
    }

    /** The endpoint table of docs/permissions.md: 403 for who may not, anything else for who may. */
    @Test
    void whoReachesWhichPayrollEndpoint() {
        People.Person manager = people.create("manager");
        People.Person superAdmin = people.create("super_admin");
        Map<String, Function<Http, HttpResponse<String>>> adminOnly = new LinkedHashMap<>();
        adminOnly.put("POST /api/pay-rates", h -> h.post("/api/pay-rates", "{\"user_id\": " + bo.id() + ", \"base_rate\": 1, \"effective_from\": \"2020-01-01\", \"is_active\": false}"));
        adminOnly.put("GET /api/pay-rates", h -> h.get("/api/pay-rates"));
        adminOnly.put("PUT /api/pay-rates/{id}", h -> h.put("/api/pay-rates/" + annRate, "{\"change_reason\": \"none\"}"));
        adminOnly.put("DELETE /api/pay-rates/{id}", h -> h.delete("/api/pay-rates/999999999"));
        adminOnly.put("GET /api/pay-rates/{id}/history", h -> h.get("/api/pay-rates/" + annRate + "/history"));
        adminOnly.put("POST /api/payroll/periods", h -> h.post("/api/payroll/periods", "{\"name\": \"x\", \"start_date\": \"2026-07-01\", \"end_date\": \"2026-06-01\"}"));
        adminOnly.put("GET /api/payroll/periods", h -> h.get("/api/payroll/periods"));
        adminOnly.put("GET /api/payroll/periods/{id}", h -> h.get("/api/payroll/periods/" + draftPeriod));
        adminOnly.put("PUT /api/payroll/periods/{id}", h -> h.put("/api/payroll/periods/" + draftPeriod, "{\"name\": \"June B\"}"));
        adminOnly.put("POST /api/payroll/periods/{id}/process", h -> h.post("/api/payroll/periods/999999999/process", ""));
        adminOnly.put("POST /api/payroll/periods/{id}/approve", h -> h.post("/api/payroll/periods/999999999/approve", ""));
        adminOnly.put("POST /api/payroll/periods/{id}/mark-paid", h -> h.post("/api/payroll/periods/999999999/mark-paid", ""));
        adminOnly.put("POST /api/payroll/periods/{id}/void", h -> h.post("/api/payroll/periods/999999999/void", ""));
        adminOnly.put("DELETE /api/payroll/periods/{id}", h -> h.delete("/api/payroll/periods/999999999"));
        adminOnly.put("GET /api/payroll/periods/{id}/entries", h -> h.get("/api/payroll/periods/" + draftPeriod + "/entries"));
        adminOnly.put("POST /api/payroll/entries", h -> h.post("/api/payroll/entries", "{\"payroll_period_id\": 999999999, \"user_id\": " + bo.id() + ", \"regular_hours\": 1}"));
        adminOnly.put("PUT /api/payroll/entries/{id}", h -> h.put("/api/payroll/entries/" + annDraftEntry, "{\"notes\": \"checked\"}"));
        adminOnly.put("POST /api/payroll/adjustments", h -> h.post("/api/payroll/adjustments", "{\"payroll_entry_id\": 999999999, \"adjustment_type\": \"bonus\", \"description\": \"x\", \"amount\": 1}"));
        adminOnly.put("PUT /api/payroll/adjustments/{id}", h -> h.put("/api/payroll/adjustments/999999999", "{\"description\": \"x\"}"));
        adminOnly.put("DELETE /api/payroll/adjustments/{id}", h -> h.delete("/api/payroll/adjustments/999999999"));
        adminOnly.put("GET /api/payroll/reports/summary/{id}", h -> h.get("/api/payroll/reports/summary/" + approvedPeriod));
        adminOnly.put("GET /api/payroll/reports/payables", h -> h.get("/api/payroll/reports/payables"));
        adminOnly.put("POST /api/payroll/reports/payables", h -> h.post("/api/payroll/reports/payables", "{}"));
        for (var e : adminOnly.entrySet()) {
            for (People.Person p : new People.Person[] {manager, ann}) {
                HttpResponse<String> r = e.getValue().apply(p.http());
                assertThat(r.statusCode()).as(e.getKey() + " as " + p.name()).isEqualTo(403);
                assertThat(Http.json(r).get("error").asString()).isEqualTo("authorization_error");
            }
            for (Http h : new Http[] {admin, superAdmin.http()}) {
                assertThat(e.getValue().apply(h).statusCode()).as(e.getKey() + " as an admin").isNotEqualTo(403).isLessThan(500);
            }
        }

        // own data: Ann yes (approved periods only), Bo no, admins yes
        Map<String, Function<Http, HttpResponse<String>>> ownData = new LinkedHashMap<>();
        ownData.put("GET /api/pay-rates/user/{id}", h -> h.get("/api/pay-rates/user/" + ann.id()));
        ownData.put("GET /api/pay-rates/user/{id}/current", h -> h.get("/api/pay-rates/user/" + ann.id() + "/current"));
        ownData.put("GET /api/pay-rates/{id}", h -> h.get("/api/pay-rates/" + annRate));
        ownData.put("GET /api/payroll/entries/{id}", h -> h.get("/api/payroll/entries/" + annApprovedEntry));
        ownData.put("GET /api/payroll/entries/{id}/adjustments", h -> h.get("/api/payroll/entries/" + annApprovedEntry + "/adjustments"));
        ownData.put("GET /api/payroll/user/{id}/entries", h -> h.get("/api/payroll/user/" + ann.id() + "/entries"));
        ownData.put("GET /api/payroll/reports/user/{id}", h -> h.get("/api/payroll/reports/user/" + ann.id()));
        for (var e : ownData.entrySet()) {
            assertThat(e.getValue().apply(ann.http()).statusCode()).as(e.getKey() + " by the owner").isEqualTo(200);
            assertThat(e.getValue().apply(bo.http()).statusCode()).as(e.getKey() + " by someone else").isEqualTo(403);
            assertThat(e.getValue().apply(manager.http()).statusCode()).as(e.getKey() + " by a manager").isEqualTo(403);
            assertThat(e.getValue().apply(admin).statusCode()).as(e.getKey() + " by an admin").isEqualTo(200);
            assertThat(e.getValue().apply(superAdmin.http()).statusCode()).as(e.getKey() + " by a super admin").isEqualTo(200);
        }
        assertThat(ann.http().get("/api/payroll/entries/" + annDraftEntry).statusCode()).isEqualTo(403);
        assertThat(ann.http().get("/api/payroll/entries/" + boApprovedEntry).statusCode()).isEqualTo(403);
        assertThat(bo.http().get("/api/payroll/reports/my-payroll").statusCode()).isEqualTo(200);
        assertThat(new Http(port).get("/api/payroll/reports/my-payroll").statusCode()).isIn(401, 403);
    }
}
