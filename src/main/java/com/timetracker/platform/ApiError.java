package com.timetracker.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one error body of the API: {@code {"error", "message", "detail", "request_id"}}. {@code detail}
 * keeps V1 clients that read FastAPI's {@code detail} working: the message, or the field errors.
 */
public record ApiError(String error, String message, Object detail, String requestId) {

    public static final String REQUEST_ID_ATTRIBUTE = ApiError.class.getName() + ".requestId";

    public static ApiError of(HttpServletRequest request, String code, String message, Object detail) {
        return new ApiError(code, message, detail == null ? message : detail, requestId(request));
    }

    public static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(REQUEST_ID_ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
