package se.kasam.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.regex.Pattern;

/** What a fuzzed request's answer must be, and how a finding is shown so that it can be sent again. */
final class FuzzVerdict {
    /**
     * Tables a read writes by design, so the fuzzer's reads may change them: sick leave's log of who read whose
     * absence, and the survey's stored comparisons (computed once on first request, then kept).
     */
    static final Set<String> WRITTEN_BY_READS = Set.of("sickleave-service.audit_entry", "survey-service.comparison");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Exception:|\\.java:\\d+");
    private static final int SHOWN = 600;

    private FuzzVerdict() {
    }

    /** @return null when the answer is acceptable: below 500, a 4xx as a problem detail of its own status, no trace */
    static String of(HttpResponse<String> answer) {
        int status = answer.statusCode();
        String body = answer.body() == null ? "" : answer.body();
        if (status >= 500) {
            return "a " + status + ": " + shorten(body);
        }
        if (STACK_TRACE.matcher(body).find()) {
            return "a stack trace in a " + status + ": " + shorten(body);
        }
        if (status < 400) {
            return null;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith(RoleMatrix.PROBLEM)) {
            return "a " + status + " as " + (type.isEmpty() ? "no content type" : type) + ", not a problem detail: " + shorten(body);
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.path("status").asInt() != status || !problem.hasNonNull("type") || !problem.hasNonNull("title")) {
                return "a " + status + " whose problem detail has no type, title or its own status: " + shorten(body);
            }
        } catch (Exception e) {
            return "a " + status + " whose problem detail is no JSON: " + shorten(body);
        }
        return null;
    }

    /** The request as a curl command line (a long body shortened: the seed and case number make it again). */
    static String reproduce(String gatewayUrl, ApiDocument.Probe probe) {
        StringBuilder curl = new StringBuilder("curl -X ").append(probe.method()).append(" '").append(gatewayUrl)
                .append(probe.pathAndQuery()).append("' -H 'Authorization: Bearer $TOKEN'");
        probe.headers().forEach((name, value) -> curl.append(" -H '").append(name).append(": ").append(shorten(value)).append('\''));
        if (probe.contentType() != null) {
            curl.append(" -H 'Content-Type: ").append(probe.contentType()).append('\'');
        }
        if (probe.body() != null) {
            curl.append(" --data-binary '").append(shorten(probe.body()).replace("'", "'\\''")).append('\'');
        }
        return curl.toString();
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + text.length() + " characters)";
    }
}
