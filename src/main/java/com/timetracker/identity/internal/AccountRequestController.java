package com.timetracker.identity.internal;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.UserPolicy;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.Paging;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * V1's {@code /api/account-requests} (reference §3.21): submitting is public, everything else is
 * for those {@link UserPolicy#canManageUsers} allows. Too-long text is refused (422), never cut.
 */
@RestController
@RequestMapping("/api/account-requests")
class AccountRequestController {

    /** Like V1's EmailStr: the domain needs a dot. */
    static final String EMAIL_WITH_DOMAIN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final int MAX_SEARCH = 255;

    record Submission(
            @NotBlank @Email(regexp = EMAIL_WITH_DOMAIN) @Size(max = 255) String email,
            @NotBlank @Size(max = 255) String name,
            @Size(max = 50) String phone,
            @Size(max = 255) String jobTitle,
            @Size(max = 255) String department,
            @Size(max = 500) String message) {
    }

    record Review(@Size(max = 1000) String adminNotes) {
    }

    /** What the staff wizard is opened with after an approval. */
    record Prefill(String name, String email, String phone, String jobTitle, String department) {
    }

    record Approval(long requestId, Prefill prefillData) {
    }

    private final AccountRequests accountRequests;
    private final Requests requests;

    AccountRequestController(AccountRequests accountRequests, Requests requests) {
        this.accountRequests = accountRequests;
        this.requests = requests;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountRequestResponse submit(@Valid @RequestBody Submission body, HttpServletRequest request) {
        return AccountRequestResponse.of(accountRequests.submit(
                new AccountRequests.Submission(body.email(), body.name(), body.phone(), body.jobTitle(), body.department(), body.message()),
                requests.ip(request), requests.userAgent(request), requests.anonymous(request, body.email())));
    }

    @GetMapping
    Paging.Page<AccountRequestResponse> list(@AuthenticationPrincipal AuthenticatedUser user,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(name = "page_size", required = false) Integer pageSize,
                                             @RequestParam(required = false) Integer size,
                                             @RequestParam(required = false) String status,
                                             @RequestParam(required = false) String search) {
        requireReviewer(user);
        Paging paging = Paging.of(page, pageSize, size);
        String statusFilter = status == null || status.isBlank() ? null : status.strip();
        if (statusFilter != null && !AccountRequest.isStatus(statusFilter)) {
            throw ApiException.badRequest("Invalid status filter"); // V1's status and message
        }
        if (search != null && search.length() > MAX_SEARCH) {
            throw ApiException.invalid("search: at most " + MAX_SEARCH + " characters");
        }
        String term = PlainText.orNull(PlainText.line(search));
        AccountRequestRows.Page found = accountRequests.find(statusFilter, term, paging);
        return paging.page(found.items(), found.total(), AccountRequestResponse::of);
    }

    @GetMapping("/{id}")
    AccountRequestResponse get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id) {
        requireReviewer(user);
        return AccountRequestResponse.of(accountRequests.get(id));
    }

    @PostMapping("/{id}/approve")
    Approval approve(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id,
                     @Valid @RequestBody(required = false) Review body, HttpServletRequest request) {
        requireReviewer(user);
        AccountRequest approved = accountRequests.approve(id, notes(body), user, requests.actor(request, user));
        return new Approval(approved.id(), new Prefill(approved.name(), approved.email(), approved.phone(),
                approved.jobTitle(), approved.department()));
    }

    @PostMapping("/{id}/reject")
    AccountRequestResponse reject(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id,
                                  @Valid @RequestBody(required = false) Review body, HttpServletRequest request) {
        requireReviewer(user);
        return AccountRequestResponse.of(accountRequests.reject(id, notes(body), user, requests.actor(request, user)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id, HttpServletRequest request) {
        requireReviewer(user);
        accountRequests.delete(id, requests.actor(request, user));
    }

    private static String notes(Review body) {
        return body == null ? null : body.adminNotes();
    }

    private static void requireReviewer(AuthenticatedUser user) {
        if (user == null) {
            throw ApiException.unauthorized("Not authenticated");
        }
        if (!UserPolicy.canManageUsers(user.role())) {
            throw ApiException.forbidden("Admin access required");
        }
    }
}
