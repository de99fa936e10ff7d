package org.samed2d.explorer.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 answers in the REST API's problem+json shape, written before any controller runs. */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"sa-med2d-explorer\"");
        write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail);
    }

    /** A request the firewall refuses (an encoded dot-dot, a NUL, a disallowed header) before any controller sees it. */
    static void rejected(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        write(request, response, HttpServletResponse.SC_BAD_REQUEST, "Invalid request", detail, "path");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                              String detail) throws IOException {
        write(request, response, status, title, detail, null);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                              String detail, @Nullable String parameter) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
