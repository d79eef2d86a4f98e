package com.timetracker.identity.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** V1's password-reset endpoints under {@code /api/auth} (reference §3.3, #15–17), now working. */
@RestController
@RequestMapping("/api/auth")
class PasswordResetController {

    /** The one answer to every well-formed request, so it cannot tell who has an account. */
    static final String REQUESTED = "If the email exists, a reset link has been sent";

    record ForgotPasswordRequest(@NotBlank @Email @Size(max = 255) String email) {
    }

    record ResetPasswordRequest(@NotBlank @Size(max = OneTimeToken.MAX_LENGTH) String token, @NotNull @Size(max = 1024) String newPassword) {
    }

    record ResetTokenCheck(boolean valid, String email) {
    }

    private final PasswordResets resets;
    private final Requests requests;

    PasswordResetController(PasswordResets resets, Requests requests) {
        this.resets = resets;
        this.requests = requests;
    }

    @PostMapping("/forgot-password")
    Map<String, String> forgotPassword(@Valid @RequestBody ForgotPasswordRequest body, HttpServletRequest request) {
        resets.request(body.email(), requests.anonymous(request, body.email()));
        return Map.of("message", REQUESTED);
    }

    @PostMapping("/reset-password")
    Map<String, String> resetPassword(@Valid @RequestBody ResetPasswordRequest body, HttpServletRequest request) {
        resets.reset(body.token(), body.newPassword(), requests.anonymous(request, null));
        return Map.of("message", "Password reset successfully");
    }

    @GetMapping("/verify-reset-token/{token}")
    ResetTokenCheck verify(@PathVariable String token) {
        return new ResetTokenCheck(true, resets.verify(token));
    }
}
