package com.timetracker.payroll.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.payroll.PayrollPolicy;
import com.timetracker.platform.ApiException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** V1's {@code /api/pay-rates} (reference §3.12). */
@RestController
@RequestMapping("/api/pay-rates")
class PayRateController {

    static final String RATE_TYPE = "hourly|daily|monthly|project_based";
    static final String RATE_TYPE_MESSAGE = "must be hourly, daily, monthly or project_based";

    record NewRate(@NotNull @Positive Long userId,
                   @Pattern(regexp = RATE_TYPE, message = RATE_TYPE_MESSAGE) String rateType,
                   @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal baseRate,
                   @Pattern(regexp = "[A-Za-z]{3}", message = "must be a three-letter currency code") String currency,
                   @DecimalMin(value = "1", message = "must be 1 or more") @DecimalMax("10") @Digits(integer = 2, fraction = 2) BigDecimal overtimeMultiplier,
                   @NotNull LocalDate effectiveFrom,
                   LocalDate effectiveTo,
                   Boolean isActive) {
    }

    record RateUpdate(@Pattern(regexp = RATE_TYPE, message = RATE_TYPE_MESSAGE) String rateType,
                      @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal baseRate,
                      @Pattern(regexp = "[A-Za-z]{3}", message = "must be a three-letter currency code") String currency,
                      @DecimalMin(value = "1", message = "must be 1 or more") @DecimalMax("10") @Digits(integer = 2, fraction = 2) BigDecimal overtimeMultiplier,
                      LocalDate effectiveFrom,
                      LocalDate effectiveTo,
                      Boolean isActive,
                      @Size(max = 1000) String changeReason) {
    }

    /** V1's PayRateResponse; the list adds user_name and user_email. */
    record PayRateView(long id, long userId, String rateType, String baseRate, String currency, String overtimeMultiplier,
                       LocalDate effectiveFrom, LocalDate effectiveTo, boolean isActive, long createdBy, Instant createdAt,
                       Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String userName,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String userEmail) {

        static PayRateView of(PayRates.PayRate r, boolean withUser) {
            return new PayRateView(r.id(), r.userId(), r.rateType(), Money.text(r.baseRate()), r.currency(), Money.text(r.overtimeMultiplier()),
                    r.effectiveFrom(), r.effectiveTo(), r.isActive(), r.createdBy(), r.createdAt(), r.updatedAt(),
                    withUser ? r.userName() : null, withUser ? r.userEmail() : null);
        }
    }

    record RateList(List<PayRateView> items, long total, int skip, int limit) {
    }

    record HistoryView(long id, long payRateId, String previousRate, String newRate, String previousOvertimeMultiplier,
                       String newOvertimeMultiplier, String changeReason, long changedBy, Instant changedAt, String changedByName,
                       String changeType, Map<String, Object> changes) {
    }

    private final PayRates rates;
    private final PayrollAudit audit;

    PayRateController(PayRates rates, PayrollAudit audit) {
        this.rates = rates;
        this.audit = audit;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PayRateView create(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody NewRate body, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        PayRates.Fields fields = new PayRates.Fields(body.rateType() == null ? PayCalculation.HOURLY : body.rateType(), body.baseRate(),
                body.currency() == null ? "USD" : body.currency().toUpperCase(Locale.ROOT),
                body.overtimeMultiplier() == null ? new BigDecimal("1.50") : body.overtimeMultiplier(),
                body.effectiveFrom(), body.effectiveTo(), body.isActive() == null || body.isActive());
        return PayRateView.of(rates.create(body.userId(), fields, audit.actor(request, me)), false);
    }

    @GetMapping
    RateList list(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(defaultValue = "0") int skip,
                  @RequestParam(defaultValue = "100") int limit, @RequestParam(name = "active_only", defaultValue = "true") boolean activeOnly,
                  HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        requireWindow(skip, limit);
        RateList list = new RateList(rates.list(activeOnly, skip, limit).stream().map(r -> PayRateView.of(r, true)).toList(),
                rates.count(activeOnly), skip, limit);
        audit.read(request, me, "pay_rate", null, "pay rate list");
        return list;
    }

    @GetMapping("/user/{userId}")
    List<PayRateView> ofUser(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long userId,
                             @RequestParam(name = "include_inactive", defaultValue = "false") boolean includeInactive,
                             HttpServletRequest request) {
        requireRatesOf(me, userId);
        List<PayRateView> list = rates.ofUser(userId, includeInactive).stream().map(r -> PayRateView.of(r, false)).toList();
        audit.read(request, me, "pay_rate", null, "pay rates of user " + userId);
        return list;
    }

    /** The rate in effect today, or V1's {@code null}. */
    @GetMapping("/user/{userId}/current")
    ResponseEntity<?> current(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long userId, HttpServletRequest request) {
        requireRatesOf(me, userId);
        audit.read(request, me, "pay_rate", null, "current pay rate of user " + userId);
        return rates.current(userId).<ResponseEntity<?>>map(r -> ResponseEntity.ok(PayRateView.of(r, false)))
                .orElseGet(() -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("null"));
    }

    @GetMapping("/{id}")
    PayRateView get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        PayRates.PayRate rate = rates.get(id);
        if (!PayrollPolicy.canReadPayOf(me.role(), me.id(), rate.userId())) {
            throw ApiException.forbidden("Can only view your own pay rates");
        }
        audit.read(request, me, "pay_rate", id, "pay rate");
        return PayRateView.of(rate, false);
    }

    @PutMapping("/{id}")
    PayRateView update(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, @Valid @RequestBody RateUpdate body,
                       HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        PayRates.Fields fields = new PayRates.Fields(body.rateType(), body.baseRate(),
                body.currency() == null ? null : body.currency().toUpperCase(Locale.ROOT), body.overtimeMultiplier(),
                body.effectiveFrom(), body.effectiveTo(), body.isActive());
        return PayRateView.of(rates.update(id, fields, body.changeReason(), audit.actor(request, me)), false);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        rates.deactivate(id, audit.actor(request, me));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/history")
    List<HistoryView> history(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable long id, HttpServletRequest request) {
        PayrollAudit.requireAdmin(me);
        List<HistoryView> history = rates.history(id).stream().map(h -> new HistoryView(h.id(), h.payRateId(), Money.text(h.previousRate()),
                Money.text(h.newRate()), Money.text(h.previousOvertimeMultiplier()), Money.text(h.newOvertimeMultiplier()), h.changeReason(),
                h.changedBy(), h.changedAt(), h.changedByName(), h.changeType(), rates.parseChanges(h.changes()))).toList();
        audit.read(request, me, "pay_rate", id, "pay rate history");
        return history;
    }

    private static void requireRatesOf(AuthenticatedUser me, long userId) {
        if (!PayrollPolicy.canReadPayOf(me.role(), me.id(), userId)) {
            throw ApiException.forbidden("Can only view your own pay rates");
        }
    }

    static void requireWindow(int skip, int limit) {
        if (skip < 0 || limit < 1 || limit > 500) {
            throw ApiException.invalid("skip must be 0 or more and limit between 1 and 500");
        }
    }
}
