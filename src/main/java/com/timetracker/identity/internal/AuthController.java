package com.timetracker.identity.internal;

import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** V1's {@code /api/auth} endpoints (reference §3.2). */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    record RegisterRequest(@NotBlank @Email @Size(max = 255) String email, @NotNull String password,
                           @NotBlank @Size(max = 255) String name) {
    }

    record LoginRequest(@NotBlank @Size(max = 255) String email, @NotNull @Size(max = 1024) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 4096) String refreshToken) {
    }

    record TokenResponse(String accessToken, String refreshToken, String tokenType) {
        static TokenResponse of(Tokens.Pair pair) {
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), "bearer");
        }
    }

    record ProfileUpdate(@Size(min = 1, max = 255) String name, @Email @Size(max = 255) String email,
                         @Size(max = 64) String timezone) {
    }

    record PasswordChange(@NotNull @Size(max = 1024) String currentPassword, @NotNull String newPassword) {
    }

    private final SignIn signIn;
    private final Accounts accounts;
    private final Requests requests;

    AuthController(SignIn signIn, Accounts accounts, Requests requests) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.requests = requests;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
        return UserResponse.of(accounts.register(body.email(), body.password(), body.name(), requests.anonymous(request, body.email())));
    }

    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return TokenResponse.of(signIn.login(body.email(), body.password(), requests.anonymous(request, body.email())));
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
        return TokenResponse.of(signIn.refresh(body.refreshToken(), requests.anonymous(request, null)));
    }

    @PostMapping("/logout")
    Map<String, String> logout(@AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request) {
        signIn.logout(user.id(), user.email(), user.sessionId(), requests.actor(request, user));
        return Map.of("message", "Successfully logged out");
    }

    @GetMapping("/me")
    UserResponse me(@AuthenticationPrincipal AuthenticatedUser user) {
        return UserResponse.of(accounts.get(user.id()));
    }

    @PutMapping("/me")
    UserResponse updateMe(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody ProfileUpdate body,
                          HttpServletRequest request) {
        return UserResponse.of(accounts.updateProfile(user.id(), body.name(), body.email(), body.timezone(), requests.actor(request, user)));
    }

    @PutMapping("/password")
    Map<String, String> changePassword(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody PasswordChange body,
                                       HttpServletRequest request) {
        accounts.changePassword(user, body.currentPassword(), body.newPassword(), requests.actor(request, user));
        return Map.of("message", "Password updated successfully. Your other sessions have been signed out.");
    }
}
