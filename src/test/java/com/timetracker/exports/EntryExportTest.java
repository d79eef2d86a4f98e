package com.timetracker.exports;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.timetracker.support.CatalogHttpTest;
import com.timetracker.support.Http;
import com.timetracker.support.People;
import com.timetracker.support.People.Person;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time-entry exports over HTTP: exact file contents in the caller's zone, totals, file names,
 * scope per role, bad input, and streaming with progress.
 */
@CatalogHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntryExportTest {

    static final String JANUARY = "start_date=2026-01-01&end_date=2026-01-31";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Person ann;
    Person bob;
    Person carl;
    Person admin;
    long alpha;
    long beta;
    long side;
    long foreign;

    @BeforeAll
    void teamsProjectsAndEntries() {
        People people = new People(port);
        ann = people.create("regular_user");
        bob = people.create("regular_user");
        carl = people.create("manager");
        admin = people.create("admin");
        jdbc.sql("UPDATE users SET timezone = 'Europe/Berlin' WHERE id = :id").param("id", ann.id()).update();
        long team = team(ann, bob);
        long annsOtherTeam = team(ann);
        long carlsTeam = team(carl);
        alpha = project(team, "Alpha");
        beta = project(team, "Beta Project With Long Name");
        side = project(annsOtherTeam, "Side");
        foreign = project(carlsTeam, "Foreign");
        long design = jdbc.sql("INSERT INTO tasks (project_id, name, status, created_at, updated_at) VALUES (:p, 'Design', 'TODO', now(), now()) RETURNING id")
                .param("p", alpha).query(Long.class).single();

        entry(ann, alpha, design, "2026-01-05T08:00:00Z", "2026-01-05T09:30:00Z", "=cmd|' /C calc'!A0");
        entry(ann, alpha, null, "2026-01-06T23:30:00Z", "2026-01-07T01:15:00Z", null);
        entry(ann, side, null, "2026-01-15T10:00:00Z", "2026-01-15T11:00:00Z", "side job");
        entry(ann, beta, null, "2026-01-20T12:00:00Z", "2026-01-20T12:20:30Z", "-5 hours, \"quoted\"");
        // February 1st in Berlin, still January 31st in UTC
        entry(ann, alpha, null, "2026-01-31T23:30:00Z", "2026-02-01T00:30:00Z", "late");
        entry(bob, alpha, null, "2026-01-10T09:00:00Z", "2026-01-10T10:00:00Z", "bob's");
        entry(carl, foreign, null, "2026-01-11T09:00:00Z", "2026-01-11T10:00:00Z", "carl's");
    }

    private long team(Person... members) {
        long team = jdbc.sql("INSERT INTO teams (name, owner_id, created_at, updated_at) VALUES ('Team', :o, now(), now()) RETURNING id")
                .param("o", members[0].id()).query(Long.class).single();
        for (Person member : members) {
            jdbc.sql("INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (:t, :u, :r, now())")
                    .param("t", team).param("u", member.id()).param("r", member == members[0] ? "owner" : "member").update();
        }
        return team;
    }

    private long project(long team, String name) {
        return jdbc.sql("INSERT INTO projects (team_id, name, color, is_archived, created_at, updated_at) VALUES (:t, :n, '#3B82F6', false, now(), now()) RETURNING id")
                .param("t", team).param("n", name).query(Long.class).single();
    }

    private void entry(Person who, long project, Long task, String start, String end, String description) {
        jdbc.sql("""
                INSERT INTO time_entries (user_id, project_id, task_id, start_time, end_time, duration_seconds, description, is_running, created_at, updated_at)
                VALUES (:u, :p, :t, CAST(:s AS timestamptz), CAST(:e AS timestamptz),
                        CAST(extract(epoch FROM CAST(:e AS timestamptz) - CAST(:s AS timestamptz)) AS int), :d, false, now(), now())""")
                .param("u", who.id()).param("p", project).param("t", task).param("s", start).param("e", end).param("d", description).update();
    }

    private static String text(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<byte[]> bytes(Http http, String path) {
        return http.send(http.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void myCsvHasV1sColumnsInMyZoneNewestFirstWithFormulasDefusedAndTotals() {
        HttpResponse<String> response = ann.http().get("/api/export/csv?" + JANUARY);
        assertThat(text(response)).isEqualTo(
                "Date,Start Time,End Time,Duration,Project,Task,Description\r\n"
                        + "2026-01-20,13:00:00,13:20:30,00:20:30,Beta Project With Long Name,No Task,\"'-5 hours, \"\"quoted\"\"\"\r\n"
                        + "2026-01-15,11:00:00,12:00:00,01:00:00,Side,No Task,side job\r\n"
                        + "2026-01-07,00:30:00,02:15:00,01:45:00,Alpha,No Task,\r\n"
                        + "2026-01-05,09:00:00,10:30:00,01:30:00,Alpha,Design,'=cmd|' /C calc'!A0\r\n"
                        + ",,Total:,04:35:30,,,\r\n");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"time_entries_2026-01-01_2026-01-31.csv\"");
        assertThat(response.headers().firstValue("X-Export-Rows")).hasValue("4");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void anotherZoneMovesDatesTimesAndTheEdgesOfTheRange() {
        String utc = text(ann.http().get("/api/export/csv?" + JANUARY + "&tz=UTC"));
        assertThat(utc.split("\r\n")).containsExactly(
                "Date,Start Time,End Time,Duration,Project,Task,Description",
                "2026-01-31,23:30:00,00:30:00,01:00:00,Alpha,No Task,late",
                "2026-01-20,12:00:00,12:20:30,00:20:30,Beta Project With Long Name,No Task,\"'-5 hours, \"\"quoted\"\"\"",
                "2026-01-15,10:00:00,11:00:00,01:00:00,Side,No Task,side job",
                "2026-01-06,23:30:00,01:15:00,01:45:00,Alpha,No Task,",
                "2026-01-05,08:00:00,09:30:00,01:30:00,Alpha,Design,'=cmd|' /C calc'!A0",
                ",,Total:,05:35:30,,,");
        String february = text(ann.http().get("/api/export/csv?start_date=2026-02-01&end_date=2026-02-01"));
        assertThat(february.split("\r\n")).containsExactly(
                "Date,Start Time,End Time,Duration,Project,Task,Description",
                "2026-02-01,00:30:00,01:30:00,01:00:00,Alpha,No Task,late",
                ",,Total:,01:00:00,,,");
    }

    @Test
    void excelReadsBackWithTheSameRowsAndABoldTotalsRow() throws Exception {
        HttpResponse<byte[]> response = bytes(ann.http(), "/api/export/excel?" + JANUARY);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"time_entries_2026-01-01_2026-01-31.xlsx\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            XSSFSheet sheet = book.getSheet("Time Entries");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertThat(cells(sheet.getRow(0))).containsExactly("Date", "Start Time", "End Time", "Duration", "Project", "Task", "Description");
            assertThat(cells(sheet.getRow(1))).containsExactly("2026-01-20", "13:00:00", "13:20:30", "00:20:30", "Beta Project With Long Name", "No Task", "'-5 hours, \"quoted\"");
            assertThat(cells(sheet.getRow(4))).containsExactly("2026-01-05", "09:00:00", "10:30:00", "01:30:00", "Alpha", "Design", "'=cmd|' /C calc'!A0");
            assertThat(sheet.getRow(4).getCell(6).getCellType()).isEqualTo(CellType.STRING);
            Row totals = sheet.getRow(5);
            assertThat(totals.getCell(2).getStringCellValue()).isEqualTo("Total:");
            assertThat(totals.getCell(3).getStringCellValue()).isEqualTo("04:35:30");
            assertThat(book.getFontAt(totals.getCell(3).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getColumnWidth(6)).isEqualTo(30 * 256);
        }
    }

    @Test
    void pdfHasV1sLayoutWithCutNamesAndTheTotal() throws Exception {
        HttpResponse<byte[]> response = bytes(ann.http(), "/api/export/pdf?" + JANUARY);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"time_report_2026-01-01_2026-01-31.pdf\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).startsWith("Time Tracking Report")
                    .contains("Period: 2026-01-01 to 2026-01-31 (Europe/Berlin)")
                    .contains("Generated: ")
                    .contains("Date Start End Duration Project Task")
                    .contains("2026-01-20 13:00:00 13:20:30 00:20:30 Beta Project Wi... No Task")
                    .contains("2026-01-05 09:00:00 10:30:00 01:30:00 Alpha Design")
                    .contains("Total: 04:35:30")
                    .doesNotContain("side job");
        }
    }

    @Test
    void aRunningEntryShowsRunningAndCountsUpToNow() {
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("INSERT INTO time_entries (user_id, project_id, start_time, is_running, created_at, updated_at) VALUES (:u, :p, :s, true, now(), now())")
                .param("u", bob.id()).param("p", beta).param("s", java.sql.Timestamp.from(start)).update();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String csv = text(bob.http().get("/api/export/csv?start_date=" + today.minusDays(1) + "&end_date=" + today.plusDays(1) + "&tz=UTC"));
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).matches(start.toString().substring(0, 10) + "," + start.toString().substring(11, 19)
                + ",Running,02:00:[0-5][0-9],Beta Project With Long Name,No Task,");
        assertThat(lines[2]).isEqualTo(",,Total:," + lines[1].split(",")[3] + ",,,");
    }

    @Test
    void aTeammateSeesMyEntriesOnlyOnOurSharedTeamsProjects() {
        String csv = text(bob.http().get("/api/export/csv?" + JANUARY + "&user_id=" + ann.id() + "&tz=Europe/Berlin"));
        assertThat(csv.split("\r\n")).extracting(line -> line.split(",")[0]).containsExactly("Date", "2026-01-20", "2026-01-07", "2026-01-05", "");
        assertThat(csv).doesNotContain("side job").endsWith(",,Total:,03:35:30,,,\r\n");
        assertThat(text(bob.http().get("/api/export/csv?" + JANUARY))).as("without user_id: only Bob's own")
                .contains("bob's").doesNotContain("Design");
    }

    @Test
    void anAdminExportsAnyoneOrEveryoneOnAProject() {
        String annsOnly = text(admin.http().get("/api/export/csv?" + JANUARY + "&tz=Europe/Berlin&user_id=" + ann.id()));
        assertThat(annsOnly).isEqualTo(text(ann.http().get("/api/export/csv?" + JANUARY)));
        String alphaForAll = text(admin.http().get("/api/export/csv?" + JANUARY + "&tz=UTC&project_id=" + alpha));
        assertThat(alphaForAll.split("\r\n")).extracting(line -> line.split(",", -1)[6]).containsExactly(
                "Description", "late", "bob's", "", "'=cmd|' /C calc'!A0", "");
        assertThat(alphaForAll).endsWith(",,Total:,05:15:00,,,\r\n");
    }

    @Test
    void foreignUsersAndProjectsAreRefusedInTheErrorShape() {
        assertRefused(carl.http().get("/api/export/csv?" + JANUARY + "&user_id=" + ann.id()), 403, "authorization_error", "Access denied");
        assertRefused(carl.http().get("/api/export/excel?" + JANUARY + "&project_id=" + alpha), 404, "not_found", "Project not found or access denied");
        assertRefused(ann.http().get("/api/export/pdf?" + JANUARY + "&project_id=" + foreign), 404, "not_found", "Project not found or access denied");
        assertRefused(ann.http().get("/api/export/csv?" + JANUARY + "&project_id=987654321"), 404, "not_found", "Project not found or access denied");
        assertRefused(admin.http().get("/api/export/csv?" + JANUARY + "&user_id=987654321"), 404, "not_found", "User not found");
        assertRefused(ann.http().get("/api/reports/export?" + JANUARY + "&project_id=" + foreign), 404, "not_found", "Project not found or access denied");
        HttpResponse<String> anonymous = new Http(port).get("/api/export/csv?" + JANUARY);
        assertThat(anonymous.statusCode()).isIn(401, 403);
        assertThat(Http.json(anonymous).has("error")).isTrue();
    }

    @Test
    void badInputIsA4xxInTheErrorShape() {
        assertRefused(ann.http().get("/api/export/csv?" + JANUARY + "&tz=Mars/Olympus"), 422, "validation_error", "tz: unknown time zone 'Mars/Olympus'");
        assertRefused(ann.http().get("/api/export/csv?start_date=2026-02-01&end_date=2026-01-31"), 422, "validation_error", "end_date: must not be before start_date");
        assertRefused(ann.http().get("/api/export/excel?start_date=2025-01-01&end_date=2026-01-31"), 422, "validation_error",
                "The date range covers 396 days; at most 366 are allowed");
        assertRefused(ann.http().get("/api/export/csv?" + JANUARY + "&progress_id=x"), 422, "validation_error", "progress_id: 8 to 64 letters, digits, '-' or '_'");
        assertRefused(ann.http().get("/api/reports/export?" + JANUARY + "&format=docx"), 422, "validation_error", "format: must be one of json, csv, xlsx, pdf, got 'docx'");
        assertRefused(ann.http().get("/api/reports/export?end_date=2026-01-31"), 422, "validation_error", "start_date: is required");
        for (String bad : List.of("/api/export/csv?start_date=yesterday", "/api/export/csv?project_id=abc", "/api/export/pdf?user_id=1.5",
                "/api/reports/export?" + JANUARY + "&project_id=abc", "/api/reports/export?start_date=2026-13-01&end_date=2026-01-31")) {
            HttpResponse<String> response = ann.http().get(bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(422);
            assertThat(Http.json(response).get("error").asString()).as(bad).isEqualTo("validation_error");
        }
        assertRefused(ann.http().get("/api/export/progress/unknown-download-1"), 404, "not_found", "No export with this progress_id");
    }

    @Test
    void theReportsExportIsMyOwnEntriesOldestFirstAsV1sJson() {
        JsonNode body = Http.json(text(admin.http().get("/api/reports/export?" + JANUARY)));
        assertThat(body.get("total_entries").asInt()).as("an admin's own entries only").isZero();

        body = Http.json(text(ann.http().get("/api/reports/export?" + JANUARY)));
        assertThat(body.get("start_date").asString()).isEqualTo("2026-01-01");
        assertThat(body.get("end_date").asString()).isEqualTo("2026-01-31");
        assertThat(body.get("total_entries").asInt()).isEqualTo(4);
        JsonNode first = body.get("entries").get(0);
        assertThat(first.get("date").asString()).isEqualTo("2026-01-05");
        assertThat(first.get("start_time").asString()).isEqualTo("2026-01-05T09:00:00+01:00");
        assertThat(first.get("end_time").asString()).isEqualTo("2026-01-05T10:30:00+01:00");
        assertThat(first.get("duration_hours").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(first.get("project").asString()).isEqualTo("Alpha");
        assertThat(first.get("task").asString()).isEqualTo("Design");
        assertThat(first.get("description").asString()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(body.get("entries").findValuesAsString("date")).containsExactly("2026-01-05", "2026-01-07", "2026-01-15", "2026-01-20");
        assertThat(body.get("entries").get(1).get("task").isNull()).isTrue();
    }

    @Test
    void theReportsExportCsvHasDecimalHoursAndTheirTotal() {
        HttpResponse<String> response = ann.http().get("/api/reports/export?" + JANUARY + "&format=csv&tz=UTC");
        assertThat(text(response)).isEqualTo(
                "Date,Start Time,End Time,Duration (hours),Project,Task,Description\r\n"
                        + "2026-01-05,08:00:00,09:30:00,1.50,Alpha,Design,'=cmd|' /C calc'!A0\r\n"
                        + "2026-01-06,23:30:00,01:15:00,1.75,Alpha,No Task,\r\n"
                        + "2026-01-15,10:00:00,11:00:00,1.00,Side,No Task,side job\r\n"
                        + "2026-01-20,12:00:00,12:20:30,0.34,Beta Project With Long Name,No Task,\"'-5 hours, \"\"quoted\"\"\"\r\n"
                        + "2026-01-31,23:30:00,00:30:00,1.00,Alpha,No Task,late\r\n"
                        + ",,Total:,5.59,,,\r\n");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"time_entries_2026-01-01_2026-01-31.csv\"");
    }

    @Test
    void theReportsExportXlsxHasNumericHours() throws Exception {
        HttpResponse<byte[]> response = bytes(ann.http(), "/api/reports/export?" + JANUARY + "&format=xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(1.5);
            assertThat(new DataFormatter().formatCellValue(sheet.getRow(1).getCell(3))).isEqualTo("1.50");
            assertThat(sheet.getRow(5).getCell(3).getNumericCellValue()).isEqualTo(4.59);
        }
    }

    @Test
    void theReportsExportPdfHasTheHoursColumns() throws Exception {
        HttpResponse<byte[]> response = bytes(ann.http(), "/api/reports/export?" + JANUARY + "&format=pdf");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"time_entries_2026-01-01_2026-01-31.pdf\"");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Date Start Time End Time Duration (hours) Project Task Description")
                    .contains("2026-01-05 09:00:00 10:30:00 1.50 Alpha Design =cmd|' /C calc'!A0")
                    .contains("Total: 4.59");
        }
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        for (Cell cell : row) {
            values.add(new DataFormatter().formatCellValue(cell));
        }
        return values;
    }

    static void assertRefused(HttpResponse<String> response, int status, String error, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = Http.json(response);
        assertThat(body.get("error").asString()).isEqualTo(error);
        assertThat(body.get("message").asString()).isEqualTo(message);
        assertThat(body.has("request_id")).isTrue();
    }
}
