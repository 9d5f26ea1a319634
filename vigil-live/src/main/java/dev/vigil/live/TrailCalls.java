package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/**
 * CloudTrail: the trails visible in a region (shadow trails of multi-region trails included, as the CLI lists them),
 * then each trail's status and event selectors. Per-trail calls pass the ARN, which also works for a shadow trail
 * outside its home region, and are filed under the trail's name as the offline convention expects.
 */
final class TrailCalls {

    private TrailCalls() {
    }

    static void collect(Scope scope, CallRecorder recorder) {
        CloudTrailClient cloudtrail = scope.client(CloudTrailClient.builder());
        recorder.single(scope, "cloudtrail", "describe-trails", "", cloudtrail::describeTrails).ifPresent(body -> {
            for (JsonNode trail : body.path("trailList")) {
                String name = trail.path("Name").asText("");
                String arn = trail.path("TrailARN").asText(name);
                if (name.isEmpty()) {
                    continue;
                }
                recorder.single(scope, "cloudtrail", "get-trail-status", name,
                        () -> cloudtrail.getTrailStatus(r -> r.name(arn)));
                recorder.single(scope, "cloudtrail", "get-event-selectors", name,
                        () -> cloudtrail.getEventSelectors(r -> r.trailName(arn)));
            }
        });
    }
}
