package com.timetracker.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.timetracker.platform.ApiError;
import com.timetracker.platform.ApiException;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The API's one error model: every failure a controller lets through becomes an {@link ApiError}
 * with the right status; bad input is a 4xx naming the field, and nothing internal leaks.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e, HttpServletRequest request) {
        return ResponseEntity.status(e.status()).body(ApiError.of(request, e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            fields.add(field("body", jsonName(error.getField()), error.getDefaultMessage(), error.getCode()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error ->
                fields.add(field("body", null, error.getDefaultMessage(), error.getCode())));
        return invalid(request, fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<Map<String, Object>> fields = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                fields.add(field("query", queryName(result.getMethodParameter()), error.getDefaultMessage(), "invalid"))));
        return invalid(request, fields);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> wrongParameterType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName().toLowerCase();
        return invalid(request, List.of(field("query", e.getName(), "'" + e.getValue() + "' is not a valid " + expected, "type_error")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return invalid(request, List.of(field("query", e.getParameterName(), "Field required", "missing")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api(api, request); // e.g. a chunked body passing the size limit while being parsed
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            JacksonException json = (JacksonException) cause;
            String path = json.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                    .reduce((a, b) -> a + "." + b).orElse(null);
            String expected = cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? mismatch.getTargetType().getSimpleName().toLowerCase() : "another type";
            return invalid(request, List.of(field("body", path, "Input should be a valid " + expected, "type_error")));
        }
        if (cause instanceof JacksonException) {
            return invalid(request, List.of(field("body", null, "The request body is not valid JSON", "json_invalid")));
        }
        return invalid(request, List.of(field("body", null, "A JSON request body is required", "missing")));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noRoute(NoResourceFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "not_found",
                "No such endpoint: " + request.getMethod() + " " + request.getRequestURI(), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                request.getMethod() + " is not allowed on " + request.getRequestURI() + "; allowed: " + e.getSupportedHttpMethods(), null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> wrongMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Content type " + e.getContentType() + " is not supported; send application/json", null);
    }

    /** Every database connection is busy (or the database is gone): try again shortly, not a 500. */
    @ExceptionHandler(org.springframework.dao.DataAccessResourceFailureException.class)
    ResponseEntity<ApiError> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .body(ApiError.of(request, "service_unavailable", "The service is busy or its database is unavailable. Please try again in a few seconds.", null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            // any other Spring MVC failure that already knows its status (406, 413, ...)
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            String message = known.getBody().getDetail() != null ? known.getBody().getDetail() : status.getReasonPhrase();
            return respond(request, status, ErrorCodes.forStatus(status.value()), message, null);
        }
        log.error("Unhandled error on {} {} (request {})", request.getMethod(), request.getRequestURI(),
                ApiError.requestId(request), e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "An internal error occurred. Please try again later.", null);
    }

    private static ResponseEntity<ApiError> invalid(HttpServletRequest request, List<Map<String, Object>> fields) {
        String message = fields.stream()
                .map(f -> f.get("field") == null ? String.valueOf(f.get("msg")) : f.get("field") + ": " + f.get("msg"))
                .reduce((a, b) -> a + "; " + b).orElse("Invalid request");
        return respond(request, HttpStatus.UNPROCESSABLE_CONTENT, "validation_error", message, fields);
    }

    /** Bean-validation names Java properties ({@code baseRate}); the API speaks snake_case ({@code base_rate}). */
    static String jsonName(String propertyPath) {
        return propertyPath.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String queryName(org.springframework.core.MethodParameter parameter) {
        org.springframework.web.bind.annotation.RequestParam param =
                parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return jsonName(String.valueOf(parameter.getParameterName()));
    }

    /** One entry in FastAPI's {@code detail} list shape ({@code loc}, {@code msg}, {@code type}), plus {@code field}. */
    private static Map<String, Object> field(String location, String name, String message, String type) {
        List<Object> loc = name == null ? List.of(location) : List.of(location, name);
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("loc", loc);
        entry.put("field", name);
        entry.put("msg", message);
        entry.put("type", type == null ? "invalid" : type);
        return entry;
    }

    private static ResponseEntity<ApiError> respond(HttpServletRequest request, HttpStatus status, String code,
                                                    String message, Object detail) {
        return ResponseEntity.status(status).body(ApiError.of(request, code, message, detail));
    }
}
