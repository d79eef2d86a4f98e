package com.timetracker.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import com.timetracker.support.Http;
import com.timetracker.support.People;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Changing a payroll period in real Chromium: entry hours, a manual entry, adjustments, the period itself; immutable once paid. */
class PayrollEditsBrowserTest extends BrowserTest {

    /** An hourly rate in euros from 1 March 2026, overtime at ×1.5. */
    void euroRate(People.Person person, String base) {
        var rate = people.root().post("/api/pay-rates", "{\"user_id\": " + person.id() + ", \"rate_type\": \"hourly\", \"base_rate\": " + base + ","
                + " \"currency\": \"EUR\", \"overtime_multiplier\": 1.5, \"effective_from\": \"2026-03-01\"}");
        assertThat(rate.statusCode()).as(rate.body()).isEqualTo(201);
    }

    /** 3.75 h of the worker in the week of Monday 2 March 2026, and a period of that week for the worker (and others); returns the period id. */
    long periodWithTime(People.Person worker, String name, People.Person... others) {
        Http rootHttp = people.root();
        long project = projectFor("Payroll edits " + worker.id(), worker);
        ReportsBrowserTest.entry(worker, project, "2026-03-03T09:00:00Z", "2026-03-03T11:30:00Z", "Homepage copy");
        ReportsBrowserTest.entry(worker, project, "2026-03-04T13:00:00Z", "2026-03-04T14:15:00Z", "Logo review");
        var period = rootHttp.post("/api/payroll/periods", "{\"name\": \"" + name + "\", \"period_type\": \"weekly\", \"start_date\": \"2026-03-02\","
                + " \"end_date\": \"2026-03-08\", \"user_ids\": [" + worker.id() + java.util.Arrays.stream(others).map(o -> ", " + o.id()).collect(java.util.stream.Collectors.joining()) + "]}");
        assertThat(period.statusCode()).as(period.body()).isEqualTo(201);
        return Http.json(period).get("id").asLong();
    }

    static void confirm(Page page, String action) {
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(action).setExact(true)).click();
    }

    static Locator entryOf(Page page, People.Person person) {
        return page.getByTestId("payroll-entry").filter(new Locator.FilterOptions().setHasText(person.email()));
    }

    static Locator total(Page page, String amount) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Total: " + amount).setExact(true));
    }

    @Test
    void hoursAManualEntryAndAnAdjustmentAreChangedWithExactAmountsAndThePeriodIsVoided() {
        People.Person worker = people.create("regular_user");
        People.Person helper = people.create("regular_user");
        long periodId = periodWithTime(worker, "Edits " + worker.id());
        euroRate(worker, "20.00");
        euroRate(helper, "30.00");
        Page page = signIn(newPage(), People.ROOT_EMAIL, People.ROOT_PASSWORD);
        page.navigate("/payroll/periods/" + periodId);
        // every payroll page marks "Payroll" as the current section
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Payroll").setExact(true))).hasClass(java.util.regex.Pattern.compile("bg-indigo-100"));
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("My payroll"))).not().hasClass(java.util.regex.Pattern.compile("bg-indigo-100"));

        page.getByTestId("period-process").click();
        page.waitForResponse(r -> r.url().endsWith("/process"), () -> confirm(page, "Process"));
        assertThat(page.getByTestId("period-status")).hasText("processing");
        Locator mine = entryOf(page, worker);
        assertThat(mine.getByTestId("entry-net")).hasText("€75.00");

        // 5.5 h + 1 h overtime at 20.00 and 30.00 EUR = 140.00
        mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit entry")).click();
        Locator entryForm = page.getByTestId("entry-form");
        entryForm.getByLabel("Regular hours").fill("5.5");
        entryForm.getByLabel("Overtime hours").fill("1.234");
        entryForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save entry")).click();
        assertThat(entryForm.getByText("Enter hours of 0 or more with at most 2 decimals")).isVisible();
        entryForm.getByLabel("Overtime hours").fill("1");
        entryForm.getByLabel("Notes").fill("Corrected after review");
        entryForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save entry")).click();
        assertThat(mine.getByTestId("entry-net")).hasText("€140.00");
        assertThat(mine.getByTestId("entry-hours")).hasText("Hourly · 5.50 h at €20.00 · overtime 1.00 h at €30.00");
        assertThat(mine.getByTestId("entry-notes")).hasText("Corrected after review");
        assertThat(total(page, "€140.00")).isVisible();

        // a manual entry for a second person at their hourly rate: 10 h × 30.00 + 2 h × 45.00 = 390.00 EUR
        page.getByTestId("entry-add").click();
        Locator manual = page.getByTestId("manual-entry-form");
        assertThat(manual.getByLabel("Person").locator("option", new Locator.LocatorOptions().setHasText(worker.email()))).hasCount(0);
        manual.getByLabel("Person").selectOption(new SelectOption().setLabel(helper.name() + " (" + helper.email() + ")"));
        manual.getByLabel("Regular hours").fill("10");
        manual.getByLabel("Overtime hours").fill("2");
        manual.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add entry")).click();
        Locator theirs = entryOf(page, helper);
        assertThat(theirs.getByTestId("entry-net")).hasText("€390.00");
        assertThat(total(page, "€530.00")).isVisible();

        // a bonus, changed into a deduction of 20.25: net 119.75, total 509.75; removed after confirming: back to 140.00
        mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add adjustment")).click();
        Locator adjustment = page.getByTestId("adjustment-form");
        adjustment.getByLabel("Amount (EUR)").fill("10.50");
        adjustment.getByLabel("Description").fill("Weekend call");
        adjustment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add adjustment")).click();
        assertThat(mine.getByTestId("entry-net")).hasText("€150.50");
        mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit adjustment Weekend call")).click();
        Locator change = page.getByTestId("adjustment-form");
        assertThat(change.getByLabel("Amount (EUR)")).hasValue("10.50");
        change.getByLabel("Type").selectOption("deduction");
        change.getByLabel("Amount (EUR)").fill("20.25");
        change.getByLabel("Description").fill("Advance repaid");
        change.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save adjustment")).click();
        assertThat(mine.getByTestId("adjustment")).containsText("deduction -€20.25 · Advance repaid");
        assertThat(mine.getByTestId("entry-amounts")).containsText("Gross €140.00 · adjustments -€20.25 · net €119.75");
        assertThat(total(page, "€509.75")).isVisible();
        mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove adjustment Advance repaid")).click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Remove the deduction of -€20.25 (Advance repaid)");
        confirm(page, "Remove");
        assertThat(mine.getByTestId("adjustment")).hasCount(0);
        assertThat(mine.getByTestId("entry-net")).hasText("€140.00");
        assertThat(total(page, "€530.00")).isVisible();

        // the period is renamed, then voided after confirming: nothing can be changed any more, it can still be deleted
        page.getByTestId("period-edit").click();
        Locator periodForm = page.getByTestId("period-form");
        assertThat(periodForm.getByLabel("First day")).hasValue("2026-03-02");
        periodForm.getByLabel("Name").fill("Week 10 corrected " + worker.id());
        periodForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Week 10 corrected " + worker.id()))).isVisible();
        assertThat(page.getByTestId("period-status")).hasText("processing");

        page.getByTestId("period-void").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Void this period?");
        confirm(page, "Void");
        assertThat(page.getByTestId("period-status")).hasText("void");
        assertThat(page.getByTestId("period-edit")).hasCount(0);
        assertThat(page.getByTestId("entry-add")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit entry"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add adjustment"))).hasCount(0);
        assertThat(page.getByTestId("period-delete")).isVisible();
        assertThat(Http.json(people.root().get("/api/payroll/periods/" + periodId)).get("total_amount").asString()).isEqualTo("530.00");
    }

    @Test
    void theServersRefusalsAreShownAndAPaidPeriodOffersNoEditNoDelete() {
        People.Person worker = people.create("regular_user");
        People.Person helper = people.create("regular_user");
        People.Person salaried = people.create("regular_user");
        long periodId = periodWithTime(worker, "Refusals " + worker.id(), salaried);
        euroRate(worker, "20.00");
        euroRate(helper, "30.00");
        Http rootHttp = people.root();
        var monthly = rootHttp.post("/api/pay-rates", "{\"user_id\": " + salaried.id() + ", \"rate_type\": \"monthly\", \"base_rate\": 3100.00,"
                + " \"currency\": \"EUR\", \"effective_from\": \"2026-03-01\"}");
        assertThat(monthly.statusCode()).as(monthly.body()).isEqualTo(201);
        assertThat(rootHttp.post("/api/payroll/periods/" + periodId + "/process", "").statusCode()).isEqualTo(200);
        Page page = signIn(newPage(), People.ROOT_EMAIL, People.ROOT_PASSWORD);
        page.navigate("/payroll/periods/" + periodId);
        assertThat(entryOf(page, worker).getByTestId("entry-net")).hasText("€75.00");

        // 7 of March's 31 days of 3100.00 EUR = 700.00; its hours do not set its pay, so only its notes are offered
        Locator salary = entryOf(page, salaried);
        assertThat(salary.getByTestId("entry-net")).hasText("€700.00");
        salary.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit entry")).click();
        Locator entryForm = page.getByTestId("entry-form");
        assertThat(entryForm.getByTestId("hours-not-offered")).hasText("The pay of a monthly entry does not follow its hours, so they cannot be changed here. Add an adjustment to change the pay.");
        assertThat(entryForm.getByLabel("Regular hours")).hasCount(0);
        entryForm.getByLabel("Notes").fill("Salary, March share");
        entryForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save entry")).click();
        assertThat(salary.getByTestId("entry-notes")).hasText("Salary, March share");
        assertThat(salary.getByTestId("entry-net")).hasText("€700.00");

        // someone else adds the helper's entry while the form is open: the server's 409 is shown in the form
        page.getByTestId("entry-add").click();
        Locator manual = page.getByTestId("manual-entry-form");
        manual.getByLabel("Person").selectOption(new SelectOption().setLabel(helper.name() + " (" + helper.email() + ")"));
        manual.getByLabel("Regular hours").fill("1");
        var meanwhile = rootHttp.post("/api/payroll/entries", "{\"payroll_period_id\": " + periodId + ", \"user_id\": " + helper.id() + ", \"regular_hours\": 2}");
        assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(201);
        manual.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add entry")).click();
        assertThat(manual.getByRole(AriaRole.ALERT)).hasText("User " + helper.id() + " already has an entry in payroll period " + periodId + "; change that entry instead");
        manual.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();

        // approved behind the page's back: saving the period is refused with the server's message
        page.getByTestId("period-edit").click();
        Locator periodForm = page.getByTestId("period-form");
        periodForm.getByLabel("Name").fill("Too late");
        assertThat(rootHttp.post("/api/payroll/periods/" + periodId + "/approve", "").statusCode()).isEqualTo(200);
        periodForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
        assertThat(periodForm.getByRole(AriaRole.ALERT)).hasText("Payroll period " + periodId + " is approved; it and its entries can no longer change");
        periodForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();

        assertThat(rootHttp.post("/api/payroll/periods/" + periodId + "/mark-paid", "").statusCode()).isEqualTo(200);
        page.reload();
        assertThat(page.getByTestId("period-status")).hasText("paid");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Refusals " + worker.id()))).isVisible();
        assertThat(entryOf(page, helper).getByTestId("entry-net")).hasText("€60.00");
        assertThat(total(page, "€835.00")).isVisible();
        assertThat(page.getByTestId("period-edit")).hasCount(0);
        assertThat(page.getByTestId("period-delete")).hasCount(0);
        assertThat(page.getByTestId("period-void")).hasCount(0);
        assertThat(page.getByTestId("entry-add")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit entry"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add adjustment"))).hasCount(0);
    }
}
