package com.timetracker.platform.internal;

import com.timetracker.platform.ApiError;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors raised outside Spring MVC (by the servlet container) get the same body as all others. */
@RestController
class ApiErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        HttpStatus httpStatus = HttpStatus.resolve(status) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.resolve(status);
        String message = httpStatus.is5xxServerError() ? "An internal error occurred. Please try again later." : httpStatus.getReasonPhrase();
        return ResponseEntity.status(httpStatus).body(ApiError.of(request, ErrorCodes.forStatus(httpStatus.value()), message, null));
    }
}
