package dev.vigil.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.check.RootUse;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Uses of the root user from CloudTrail's 90-day event history ({@code LookupEvents}, user name {@code root}), the
 * live stand-in for the CloudTrail log files an offline run reads. The events' own records are kept (oldest first)
 * so a saved snapshot holds them as a CloudTrail log file and a later offline run finds the same uses.
 */
final class RootActivityCalls {

    private RootActivityCalls() {
    }

    /** The CloudTrail records of events by the user name {@code root} since {@code since}, oldest first. */
    static List<ObjectNode> collect(Scope scope, CallRecorder recorder, Instant since, Instant until) {
        CloudTrailClient cloudtrail = scope.client(CloudTrailClient.builder());
        List<ObjectNode> records = new ArrayList<>();
        recorder.attempt(scope, "cloudtrail", "lookup-events", () -> {
            LookupAttribute rootUser = LookupAttribute.builder().attributeKey(LookupAttributeKey.USERNAME)
                    .attributeValue("root").build();
            for (LookupEventsResponse page : cloudtrail.lookupEventsPaginator(r -> r.lookupAttributes(rootUser)
                    .startTime(since).endTime(until))) {
                for (Event event : page.events()) {
                    record(event).ifPresent(records::add);
                }
            }
            return CliJsonNodes.object();
        });
        // LookupEvents answers newest first; files and the offline reader go oldest first.
        Collections.reverse(records);
        return records;
    }

    /**
     * A root user's own action, by the same rule as the offline reader: the user is Root, the event is not a service
     * acting for the account (AwsServiceEvent, or invoked by a service), and it did not fail (a wrong password is
     * not a use of the account).
     */
    static Optional<RootUse> rootUse(JsonNode record) {
        if (!record.path("userIdentity").path("type").asText("").equals("Root")
                || record.path("eventType").asText("").equals("AwsServiceEvent")
                || record.path("userIdentity").path("invokedBy").isTextual()
                || record.path("errorCode").isTextual()
                || record.path("responseElements").path("ConsoleLogin").asText("").equals("Failure")) {
            return Optional.empty();
        }
        Optional<Instant> time = time(record.path("eventTime").asText(""));
        if (time.isEmpty()) {
            return Optional.empty();
        }
        String recipient = record.path("recipientAccountId").asText("");
        String account = recipient.isEmpty() ? record.path("userIdentity").path("accountId").asText("") : recipient;
        return Optional.of(new RootUse(account, time.get(), record.path("eventName").asText(""),
                record.path("sourceIPAddress").asText("")));
    }

    private static Optional<ObjectNode> record(Event event) {
        String text = event.cloudTrailEvent();
        if (text == null) {
            return Optional.empty();
        }
        try {
            JsonNode record = CliJsonNodes.JSON.readTree(text);
            return record != null && record.isObject() ? Optional.of((ObjectNode) record) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> time(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }
}
