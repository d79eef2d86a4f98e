package com.timetracker.platform.internal;

import java.io.IOException;

import com.timetracker.platform.ApiError;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@link ApiError} bodies from servlet filters, where no controller advice runs. */
@Component
class ErrorResponses {

    private final JsonMapper json;

    ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    /** The request id is the one {@link RequestIdFilter} already put on the response. */
    void write(HttpServletResponse response, int status, String code, String message, Object detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(
                new ApiError(code, message, detail == null ? message : detail, response.getHeader(RequestIdFilter.REQUEST_ID))));
    }
}
