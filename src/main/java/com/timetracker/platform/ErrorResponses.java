package com.timetracker.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@link ApiError} bodies from servlet filters, where no controller advice runs. */
@Component
public class ErrorResponses {

    /** The response header that carries the request id (set first thing for every request). */
    public static final String REQUEST_ID_HEADER = "X-Request-ID";

    private final JsonMapper json;

    public ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    /** The request id is the one already put on the response by the platform's outermost filter. */
    public void write(HttpServletResponse response, int status, String code, String message, Object detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(
                new ApiError(code, message, detail == null ? message : detail, response.getHeader(REQUEST_ID_HEADER))));
    }
}
