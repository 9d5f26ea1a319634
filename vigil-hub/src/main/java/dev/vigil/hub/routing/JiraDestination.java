package dev.vigil.hub.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opens, comments on and resolves Jira issues through the REST API v2.
 *
 * <ul>
 *   <li>CREATED, REOPENED: first searches for an issue carrying the change's idempotency key as a label (JQL
 *       {@code labels = "vigil-…"}); only when none exists is an issue created, with labels {@code vigil}, the
 *       key, a tag for the finding, and the configured ones. A crash after Jira created the issue and before the
 *       outbox marked the row therefore finds that issue on restart instead of opening a second.</li>
 *   <li>ESCALATED: comments on the finding's issue (once: a comment already carrying the key is not repeated);
 *       opens one as above when the finding has none at this destination.</li>
 *   <li>RESOLVED: applies the configured transition (looked up by name among the issue's transitions); an
 *       issue already in a "done" status category counts as resolved.</li>
 * </ul>
 */
record JiraDestination(String name, URI baseUrl, String project, String issueType, String resolveTransition,
                       List<String> labels, String searchPath, HttpAuth auth) implements Destination {

    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Z][A-Z0-9_]*-[0-9]{1,12}");
    private static final Pattern NOFORMAT = Pattern.compile("(?i)\\{noformat}");
    private static final int SUMMARY_MAX = 250;
    /** Jira rejects text fields longer than 32767 characters. */
    private static final int DESCRIPTION_MAX = 30_000;

    @Override
    public DeliveryReceipt deliver(OutboxEntry entry, DeliveryContext context) throws DeliveryException {
        Notification n = entry.notification();
        return switch (n.kind()) {
            case CREATED, REOPENED -> openIssue(entry, context);
            case ESCALATED -> {
                Optional<String> issue = existingIssue(entry, context);
                yield issue.isPresent() ? comment(issue.get(), entry, context) : openIssue(entry, context);
            }
            case RESOLVED -> {
                Optional<String> issue = existingIssue(entry, context);
                if (issue.isEmpty()) {
                    issue = searchOne("labels = \"" + TicketText.findingTag(n.findingId())
                            + "\" AND statusCategory != Done ORDER BY created DESC", context);
                }
                yield issue.isPresent() ? resolve(issue.get(), context)
                        : new DeliveryReceipt(null, "no Jira issue of this finding to resolve");
            }
        };
    }

    private DeliveryReceipt openIssue(OutboxEntry entry, DeliveryContext context) throws DeliveryException {
        Optional<String> found = searchOne("labels = \"" + entry.key() + "\"", context);
        if (found.isPresent()) {
            return new DeliveryReceipt(found.get(), "found issue " + found.get() + " from an earlier attempt");
        }
        Notification n = entry.notification();
        ObjectNode body = NotificationJson.MAPPER.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", project);
        fields.putObject("issuetype").put("name", issueType);
        fields.put("summary", TicketText.oneLine("[Vigil " + n.severity().caption() + "] " + n.title(), SUMMARY_MAX));
        fields.put("description", noformat(TicketText.body(n, entry.key())));
        ArrayNode labelList = fields.putArray("labels");
        labelList.add("vigil");
        labelList.add(entry.key());
        labelList.add(TicketText.findingTag(n.findingId()));
        labels.forEach(labelList::add);
        String answer = context.http().send(name + ": create Jira issue",
                authorised(context.http().request(uri("/rest/api/2/issue")))
                        .header("Content-Type", "application/json")
                        .POST(HttpCalls.json(write(body))).build());
        String key = parse(answer, "create Jira issue").path("key").asText("");
        return new DeliveryReceipt(checkedKey(key, "create Jira issue"), null);
    }

    private DeliveryReceipt comment(String issue, OutboxEntry entry, DeliveryContext context)
            throws DeliveryException {
        String commentsPath = "/rest/api/2/issue/" + issue + "/comment";
        JsonNode existing = parse(context.http().send(name + ": read Jira comments",
                authorised(context.http().request(uri(commentsPath + "?orderBy=-created&maxResults=100")))
                        .GET().build()), "read Jira comments");
        for (JsonNode c : existing.path("comments")) {
            if (c.path("body").asText("").contains(entry.key())) {
                return new DeliveryReceipt(issue, "comment from an earlier attempt found on " + issue);
            }
        }
        Notification n = entry.notification();
        ObjectNode body = NotificationJson.MAPPER.createObjectNode();
        body.put("body", "Escalated to " + n.severity().caption() + ".\n" + noformat(TicketText.body(n, entry.key())));
        context.http().send(name + ": comment on Jira issue " + issue,
                authorised(context.http().request(uri(commentsPath)))
                        .header("Content-Type", "application/json")
                        .POST(HttpCalls.json(write(body))).build());
        return new DeliveryReceipt(issue, null);
    }

    private DeliveryReceipt resolve(String issue, DeliveryContext context) throws DeliveryException {
        String path = "/rest/api/2/issue/" + issue + "/transitions";
        JsonNode answer = parse(context.http().send(name + ": list transitions of " + issue,
                authorised(context.http().request(uri(path))).GET().build()), "list transitions");
        for (JsonNode t : answer.path("transitions")) {
            if (t.path("name").asText("").equalsIgnoreCase(resolveTransition)) {
                ObjectNode body = NotificationJson.MAPPER.createObjectNode();
                body.putObject("transition").put("id", t.path("id").asText());
                context.http().send(name + ": transition " + issue,
                        authorised(context.http().request(uri(path)))
                                .header("Content-Type", "application/json")
                                .POST(HttpCalls.json(write(body))).build());
                return new DeliveryReceipt(issue, null);
            }
        }
        // Not offered: the issue may already be done (by a person, or by an attempt before a crash).
        JsonNode status = parse(context.http().send(name + ": read status of " + issue,
                authorised(context.http().request(uri("/rest/api/2/issue/" + issue + "?fields=status")))
                        .GET().build()), "read issue status");
        String category = status.path("fields").path("status").path("statusCategory").path("key").asText("");
        if (category.equalsIgnoreCase("done")) {
            return new DeliveryReceipt(issue, issue + " was already done");
        }
        throw DeliveryException.permanent(name + ": issue " + issue + " offers no transition named '"
                + resolveTransition + "' (it offers " + names(answer.path("transitions"))
                + "). Set resolve-transition in the routing configuration to one of these.");
    }

    private Optional<String> searchOne(String jql, DeliveryContext context) throws DeliveryException {
        String query = "?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8).replace("+", "%20")
                + "&fields=key&maxResults=1";
        JsonNode answer = parse(context.http().send(name + ": search Jira",
                authorised(context.http().request(uri(searchPath + query))).GET().build()), "search Jira");
        JsonNode issues = answer.path("issues");
        if (issues.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(checkedKey(issues.get(0).path("key").asText(""), "search Jira"));
    }

    private Optional<String> existingIssue(OutboxEntry entry, DeliveryContext context) throws DeliveryException {
        if (context.tickets().earlierPending(entry)) {
            throw DeliveryException.retry(name + ": an earlier change of finding " + entry.notification().findingId()
                    + " has not been delivered yet; waiting for its issue");
        }
        return context.tickets().latestTicket(name, entry.notification().findingId());
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request) {
        return request.header("Authorization", auth.header()).header("Accept", "application/json");
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUrl.toString() + pathAndQuery);
    }

    private String checkedKey(String key, String what) throws DeliveryException {
        // The key goes into URL paths later: accept only what Jira issue keys look like.
        if (!ISSUE_KEY.matcher(key).matches()) {
            throw DeliveryException.permanent(name + ": " + what + ": Jira answered with issue key '"
                    + TicketText.oneLine(key, 40) + "', which does not look like PROJECT-123");
        }
        return key;
    }

    private JsonNode parse(String answer, String what) throws DeliveryException {
        try {
            return NotificationJson.MAPPER.readTree(answer);
        } catch (JsonProcessingException e) {
            throw DeliveryException.retry(name + ": " + what + ": Jira's answer is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String write(ObjectNode body) {
        return body.toString();
    }

    /** Jira wiki markup would render links and macros from finding text; a noformat block shows it as is. */
    private static String noformat(String text) {
        String inert = NOFORMAT.matcher(text).replaceAll("{ noformat}");
        if (inert.length() > DESCRIPTION_MAX) {
            inert = inert.substring(0, DESCRIPTION_MAX) + "…";
        }
        return "{noformat}\n" + inert + "\n{noformat}";
    }

    private static String names(JsonNode transitions) {
        StringBuilder out = new StringBuilder();
        for (JsonNode t : transitions) {
            out.append(out.isEmpty() ? "" : ", ").append('\'').append(TicketText.oneLine(t.path("name").asText(), 60))
                    .append('\'');
        }
        return out.isEmpty() ? "none" : out.toString();
    }

    @Override
    public String toString() {
        return "JiraDestination[name=" + name + ", baseUrl=" + baseUrl + ", project=" + project + "]";
    }
}
