package com.timetracker.identity.internal;

import java.util.List;
import java.util.Map;

import com.timetracker.identity.PasswordPolicy;
import com.timetracker.platform.ApiException;

import org.springframework.http.HttpStatus;

/** Applies the password policy at the API edge: 400 {@code password_validation_error} listing every unmet rule. */
final class PasswordRules {

    private PasswordRules() {
    }

    static void require(String password) {
        List<String> unmet = PasswordPolicy.unmetRequirements(password);
        if (!unmet.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "password_validation_error",
                    "Password does not meet the requirements: " + String.join("; ", unmet), unmet,
                    Map.of("requirements", unmet));
        }
    }
}
