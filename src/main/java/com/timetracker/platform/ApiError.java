package com.timetracker.platform;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The one error body of the API: {@code {"error", "message", "detail", "request_id"}} (plus V1's
 * {@code details} where V1 had them). {@code detail}
 * keeps V1 clients that read FastAPI's {@code detail} working: the message, or the field errors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, Object detail, String requestId, Map<String, Object> details) {

    public ApiError(String error, String message, Object detail, String requestId) {
        this(error, message, detail, requestId, null);
    }

    public static final String REQUEST_ID_ATTRIBUTE = ApiError.class.getName() + ".requestId";

    public static ApiError of(HttpServletRequest request, String code, String message, Object detail) {
        return new ApiError(code, message, detail == null ? message : detail, requestId(request));
    }

    /** V1's app errors carried extra facts in {@code details} (e.g. {@code requirements}, {@code lockout_remaining_seconds}). */
    public static ApiError of(HttpServletRequest request, ApiException e) {
        return new ApiError(e.code(), e.getMessage(), e.detail() == null ? e.getMessage() : e.detail(), requestId(request), e.details());
    }

    public static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(REQUEST_ID_ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
