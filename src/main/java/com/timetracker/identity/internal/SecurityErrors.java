package com.timetracker.identity.internal;

import java.io.IOException;

import com.timetracker.platform.ErrorResponses;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 in the API's error shape. V1 answered 403 for a missing token; V2 answers 401 for
 * missing or invalid credentials and 403 only for lack of permission (PRODUCT.md §2).
 */
@Component
class SecurityErrors {

    private final ErrorResponses errors;

    SecurityErrors(ErrorResponses errors) {
        this.errors = errors;
    }

    void unauthorized(HttpServletResponse response, String message) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "authentication_error", message, null);
    }

    void forbidden(HttpServletResponse response, String message) throws IOException {
        errors.write(response, HttpServletResponse.SC_FORBIDDEN, "authorization_error", message, null);
    }
}
