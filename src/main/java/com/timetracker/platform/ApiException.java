package com.timetracker.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the client should see: an HTTP status, a stable machine-readable code and a message a
 * person understands. Modules throw it (or a subclass); the platform renders it as {@link ApiError}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object detail;
    private final transient Map<String, Object> details;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiException(HttpStatus status, String code, String message, Object detail) {
        this(status, code, message, detail, null);
    }

    public ApiException(HttpStatus status, String code, String message, Object detail, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.details = details;
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "authorization_error", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "authentication_error", message);
    }

    public static ApiException invalid(String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "validation_error", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object detail() {
        return detail;
    }

    public Map<String, Object> details() {
        return details;
    }
}
