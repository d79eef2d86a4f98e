package com.timetracker.platform.internal;

/** The error code that goes with an HTTP status when no more specific one is known. */
final class ErrorCodes {

    private ErrorCodes() {
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "authentication_error";
            case 403 -> "authorization_error";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "validation_error";
            case 429 -> "rate_limit_exceeded";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }
}
