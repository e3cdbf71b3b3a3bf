package org.faithbot.chatbot.system.web;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.faithbot.chatbot.system.instance.InstanceInfo;
import org.faithbot.chatbot.system.security.SecurityHeaders;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last-resort error report as a problem body, for requests Tomcat refuses before they reach
 * the application (e.g. an invalid URI): never an HTML page, never server details or a stack trace.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final InstanceInfo instance;

    ProblemErrorReportValve(InstanceInfo instance) {
        this.instance = instance;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int statusCode = response.getStatus();
        if (statusCode < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(statusCode);
        String title = (status != null) ? status.getReasonPhrase() : "Error";
        String detail = (statusCode < 500) ? "The request was rejected as malformed" : "An unexpected error occurred";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Served-By", this.instance.instanceId());
            response.setHeader("X-App-Version", this.instance.version());
            if (!response.containsHeader(RequestIdFilter.HEADER)) {
                // refused before the request id filter ran: an id of its own, as every response has
                response.setHeader(RequestIdFilter.HEADER, UUID.randomUUID().toString());
            }
            SecurityHeaders.addMissing(response);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"title\":\"" + title + "\",\"status\":" + statusCode + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // the client is gone or the response is committed: nothing more to say
        }
    }
}
