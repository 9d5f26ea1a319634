package dev.vigil.hub.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enough of Jira's REST API v2 to exercise the destination: search by label, create, comments, transitions, and
 * issue status; requests without the expected Authorization header get 401.
 */
final class FakeJira implements RecordingHttpServer.Responder {

    static final class Issue {
        final String key;
        final JsonNode fields;
        final List<String> comments = new ArrayList<>();
        boolean done;

        Issue(String key, JsonNode fields) {
            this.key = key;
            this.fields = fields;
        }

        boolean hasLabel(String label) {
            for (JsonNode l : fields.path("labels")) {
                if (l.asText().equals(label)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL = Pattern.compile("labels = \"([^\"]+)\"");
    private static final Pattern ISSUE_PATH = Pattern.compile("/rest/api/2/issue/([A-Z]+-\\d+)(/transitions|/comment)?");

    final Map<String, Issue> issues = new LinkedHashMap<>();
    private final String expectedAuth;

    FakeJira(String expectedAuth) {
        this.expectedAuth = expectedAuth;
    }

    @Override
    public synchronized RecordingHttpServer.Response answer(RecordingHttpServer.Request r) {
        if (!expectedAuth.equals(r.header("Authorization"))) {
            return RecordingHttpServer.Response.of(401, "{\"errorMessages\":[\"unauthorised\"]}");
        }
        try {
            if (r.method().equals("GET") && r.path().equals("/rest/api/2/search")) {
                return search(URLDecoder.decode(param(r.query(), "jql"), StandardCharsets.UTF_8));
            }
            if (r.method().equals("POST") && r.path().equals("/rest/api/2/issue")) {
                JsonNode fields = JSON.readTree(r.body()).path("fields");
                String key = "SEC-" + (issues.size() + 1);
                issues.put(key, new Issue(key, fields));
                return ok(201, JSON.createObjectNode().put("id", "1000" + issues.size()).put("key", key));
            }
            Matcher m = ISSUE_PATH.matcher(r.path());
            if (m.matches() && issues.containsKey(m.group(1))) {
                Issue issue = issues.get(m.group(1));
                String sub = m.group(2) == null ? "" : m.group(2);
                switch (r.method() + " " + sub) {
                    case "GET /transitions" -> {
                        ObjectNode o = JSON.createObjectNode();
                        ArrayNode t = o.putArray("transitions");
                        if (issue.done) {
                            t.addObject().put("id", "41").put("name", "Reopen");
                        } else {
                            t.addObject().put("id", "11").put("name", "In Progress");
                            t.addObject().put("id", "31").put("name", "Done");
                        }
                        return ok(200, o);
                    }
                    case "POST /transitions" -> {
                        String id = JSON.readTree(r.body()).path("transition").path("id").asText();
                        if (!id.equals("31") || issue.done) {
                            return RecordingHttpServer.Response.of(400, "{\"errorMessages\":[\"bad transition\"]}");
                        }
                        issue.done = true;
                        return RecordingHttpServer.Response.of(204, "");
                    }
                    case "GET " -> {
                        ObjectNode o = JSON.createObjectNode().put("key", issue.key);
                        o.putObject("fields").putObject("status").putObject("statusCategory")
                                .put("key", issue.done ? "done" : "indeterminate");
                        return ok(200, o);
                    }
                    case "GET /comment" -> {
                        ObjectNode o = JSON.createObjectNode();
                        ArrayNode c = o.putArray("comments");
                        issue.comments.forEach(b -> c.addObject().put("body", b));
                        return ok(200, o);
                    }
                    case "POST /comment" -> {
                        issue.comments.add(JSON.readTree(r.body()).path("body").asText());
                        return ok(201, JSON.createObjectNode().put("id", "c" + issue.comments.size()));
                    }
                    default -> {
                        return RecordingHttpServer.Response.of(405, "");
                    }
                }
            }
            return RecordingHttpServer.Response.of(404, "{\"errorMessages\":[\"not found\"]}");
        } catch (Exception e) {
            return RecordingHttpServer.Response.of(500, e.toString());
        }
    }

    private RecordingHttpServer.Response search(String jql) {
        Matcher m = LABEL.matcher(jql);
        if (!m.find()) {
            return RecordingHttpServer.Response.of(400, "{\"errorMessages\":[\"unsupported jql\"]}");
        }
        boolean openOnly = jql.contains("statusCategory != Done");
        ObjectNode o = JSON.createObjectNode();
        ArrayNode found = o.putArray("issues");
        List<Issue> all = new ArrayList<>(issues.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            Issue issue = all.get(i);
            if (issue.hasLabel(m.group(1)) && !(openOnly && issue.done)) {
                found.addObject().put("key", issue.key);
            }
        }
        return ok(200, o);
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "";
    }

    private static RecordingHttpServer.Response ok(int status, JsonNode body) {
        return RecordingHttpServer.Response.of(status, body.toString());
    }
}
