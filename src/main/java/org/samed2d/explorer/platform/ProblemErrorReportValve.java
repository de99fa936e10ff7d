package org.samed2d.explorer.platform;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.samed2d.explorer.shared.SecurityHeaders;

/**
 * Tomcat answers some requests itself, before any filter or controller: a path with an encoded NUL or slash, a
 * malformed request line. Its default page is HTML; API clients get the same problem+json, with the same security
 * headers, as everywhere else.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            SecurityHeaders.ALL.forEach(response::setHeader);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":" + status
                        + ",\"detail\":\"path: the server cannot accept this request (for example an encoded NUL, "
                        + "backslash or slash in its path)\",\"parameter\":\"path\"}");
                writer.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response is committed; nothing more to tell it
        }
    }
}
