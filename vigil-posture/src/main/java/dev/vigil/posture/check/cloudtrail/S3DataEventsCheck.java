package dev.vigil.posture.check.cloudtrail;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.EventSelectors;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The buckets the policy lists under data-event-buckets have their object-level reads and writes logged by some
 * trail ({@code *} asks that each account log every bucket). Data events cost money, so the policy decides which
 * buckets need them; without a list there is nothing to judge.
 */
final class S3DataEventsCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "cloudtrail.s3_data_events",
            "Object-level (data event) logging covers the declared S3 buckets",
            "CloudTrail", Severity.MEDIUM, "AWS::S3::Bucket",
            "Management events show that a bucket policy changed, not who downloaded which object. For buckets "
                    + "holding sensitive data, S3 data events are the only record of object reads and writes, and "
                    + "the first thing an investigation of data theft asks for.",
            new Remediation("Add a data event selector for the bucket (read and write) to a trail in the bucket's "
                    + "account or to the organisation trail.",
                    """
                    aws cloudtrail put-event-selectors --trail-name <trail-name> --advanced-event-selectors \\
                        '[{"Name":"Management","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]},
                          {"Name":"S3 data","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},
                           {"Field":"resources.type","Equals":["AWS::S3::Object"]},
                           {"Field":"resources.ARN","StartsWith":["arn:aws:s3:::<bucket>/"]}]}]'""",
                    """
                    Trail:
                      Type: AWS::CloudTrail::Trail
                      Properties:
                        EventSelectors:
                          - ReadWriteType: All
                            IncludeManagementEvents: true
                            DataResources:
                              - Type: AWS::S3::Object
                                Values: ["arn:aws:s3:::<bucket>/"]""",
                    """
                    resource "aws_cloudtrail" "main" {
                      event_selector {
                        read_write_type           = "All"
                        include_management_events = true
                        data_resource {
                          type   = "AWS::S3::Object"
                          values = ["arn:aws:s3:::<bucket>/"]
                        }
                      }
                    }"""),
            List.of("cloudtrail:DescribeTrails", "cloudtrail:GetEventSelectors", "config:BatchGetResourceConfig"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        List<CheckResult> out = new ArrayList<>();
        if (estate.policy().dataEventBuckets().isEmpty()) {
            for (String account : estate.accounts()) {
                out.add(v.scope(CheckStatus.NOT_APPLICABLE, account, "", "No data-event-buckets are declared in "
                        + "posture-policy.yaml; list the buckets whose object access must be logged to judge this."));
            }
            return out;
        }
        Trails trails = Trails.of(estate);
        for (String bucket : new TreeSet<>(estate.policy().dataEventBuckets())) {
            if (bucket.equals("*")) {
                for (String account : estate.accounts()) {
                    Judgement j = judge(candidates(trails, account), "*", trails);
                    out.add(j.status == CheckStatus.ERROR && j.reason.isEmpty()
                            ? v.unavailable(account, "", unavailable(trails, account))
                            : v.scope(j.status, account, "", j.status == CheckStatus.ERROR ? j.reason
                            : "All buckets of the account: " + j.reason));
                }
                continue;
            }
            Optional<Resource> resource = estate.inventory().byId("AWS::S3::Bucket", bucket);
            List<Trail> candidates = resource.map(r -> candidates(trails, r.account())).orElseGet(trails::all);
            Judgement j = judge(candidates, bucket, trails);
            String reason = j.reason.isEmpty() ? Verdicts.unavailableReason(resource
                    .map(r -> unavailable(trails, r.account()))
                    .orElse(new Exported.Missing("<account>", "<region>", "cloudtrail", "describe-trails", "")))
                    : j.status == CheckStatus.ERROR ? j.reason : "Bucket " + Verdicts.clip(bucket) + ": " + j.reason;
            out.add(resource.isPresent() ? v.of(j.status, resource.get(), reason)
                    : v.named(j.status, "", "", "AWS::S3::Bucket", "arn:aws:s3:::" + bucket, reason));
        }
        return out;
    }

    private record Judgement(CheckStatus status, String reason) {
    }

    /** Trails owned by the account plus organisation trails (which log members' data events too). */
    private static List<Trail> candidates(Trails trails, String account) {
        Map<String, Trail> out = new LinkedHashMap<>();
        trails.ownedBy(account).forEach(t -> out.put(t.arn(), t));
        trails.organisationTrails().forEach(t -> out.putIfAbsent(t.arn(), t));
        return List.copyOf(out.values());
    }

    private static Exported unavailable(Trails trails, String account) {
        return trails.visibleTo(account) instanceof Trails.Visible.Unavailable u ? u.exported()
                : new Exported.Missing(account, "<region>", "cloudtrail", "describe-trails", "");
    }

    /** An empty reason with ERROR means "no trail could be listed": the caller words it from the export. */
    private static Judgement judge(List<Trail> candidates, String bucket, Trails trails) {
        if (candidates.isEmpty()) {
            return new Judgement(CheckStatus.ERROR, "");
        }
        Exported unknown = null;
        EventSelectors.Coverage best = EventSelectors.Coverage.NONE;
        List<String> limits = new ArrayList<>();
        for (Trail t : candidates) {
            switch (trails.eventSelectors(t)) {
                case Exported.Present p -> {
                    EventSelectors.Coverage c = EventSelectors.s3Data(p.body(), bucket);
                    if (c.complete()) {
                        return new Judgement(CheckStatus.PASS, "the " + t.label() + " logs read and write data events.");
                    }
                    best = best.or(c);
                    EventSelectors.s3DataLimits(p.body(), bucket).forEach(l -> limits.add("in the " + t.label() + ", " + l));
                }
                case Exported.Failed f -> unknown = unknown == null ? f : unknown;
                case Exported.Missing m -> unknown = unknown == null ? m : unknown;
            }
        }
        if (best.complete()) {
            return new Judgement(CheckStatus.PASS, "one trail logs its read and another its write data events.");
        }
        if (unknown != null) {
            return new Judgement(CheckStatus.ERROR, Verdicts.unavailableReason(unknown));
        }
        String narrowed = limits.isEmpty() ? "" : " (" + Verdicts.clip(String.join("; ", limits)) + ")";
        return new Judgement(CheckStatus.FAIL, (best.describe().equals("no")
                ? (limits.isEmpty() ? "no trail logs its S3 data events" : "no trail logs all of its S3 data events") + narrowed + "."
                : "trails log only " + best.describe() + " data events" + narrowed + "; log both reads and writes."));
    }
}
