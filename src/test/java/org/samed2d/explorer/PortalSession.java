package org.samed2d.explorer;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session with the portal over plain HTTP: a cookie jar, the sign-in form as the portal page serves it
 * (with the CSRF token from its meta tags), and requests that carry the session cookie and nothing else.
 */
public final class PortalSession {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public PortalSession(int port) {
        this.port = port;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The sign-in page's CSRF parameter name and token, as its form sends them. */
    public Map<String, String> loginFormToken() throws IOException, InterruptedException {
        String page = get("/login").body();
        Map<String, String> meta = META.matcher(page).results()
                .collect(Collectors.toMap(match -> match.group(1), match -> match.group(2), (a, b) -> a));
        if (!meta.containsKey("_csrf") || !meta.containsKey("_csrf_parameter")) {
            throw new IllegalStateException("the sign-in page carries no CSRF meta tags:\n" + page);
        }
        return Map.of(meta.get("_csrf_parameter"), meta.get("_csrf"));
    }

    /** Posts the sign-in form as the portal's page does, with its CSRF token; the answer is a redirect or a 429. */
    public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        Map<String, String> token = loginFormToken();
        String csrf = token.entrySet().iterator().next().getKey() + "=" + encode(token.values().iterator().next());
        return postForm("/login", "username=" + encode(username) + "&password=" + encode(password) + "&" + csrf);
    }

    /** Signs in and fails unless the portal accepted the password. */
    public PortalSession signedIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = signIn(username, password);
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in as " + username + " failed: " + answer.statusCode() + " " + location);
        }
        return this;
    }

    public HttpResponse<String> postForm(String path, String form, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any method with a JSON body (empty for none) and optional headers as name, value pairs. */
    public HttpResponse<String> send(String method, String path, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie's Set-Cookie attributes as the server sent them, e.g. to check SameSite. */
    public static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
