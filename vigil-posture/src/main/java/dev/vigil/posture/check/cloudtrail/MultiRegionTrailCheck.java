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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every account is logged by a multi-region trail that is logging and records read and write management events;
 * an organisation trail owned by another account (the management account) counts for its members.
 */
final class MultiRegionTrailCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "cloudtrail.multi_region_trail",
            "Each account is covered by a logging multi-region trail recording all management events",
            "CloudTrail", Severity.HIGH, Verdicts.ACCOUNT,
            "CloudTrail is the record of who did what through the AWS APIs. A trail that is single-region misses "
                    + "activity in every other region (attackers like unused regions), a trail that is stopped records "
                    + "nothing, and a trail that skips read or write management events hides reconnaissance or changes. "
                    + "An organisation trail from the management account covers every member account.",
            new Remediation(
                    "Create a multi-region (ideally organisation) trail, start logging, and keep the default event "
                            + "selector or one that includes all management events.",
                    """
                    aws cloudtrail create-trail --name org-trail --s3-bucket-name <log-archive-bucket> \\
                        --is-multi-region-trail --is-organization-trail --enable-log-file-validation
                    aws cloudtrail put-event-selectors --trail-name org-trail \\
                        --event-selectors '[{"ReadWriteType":"All","IncludeManagementEvents":true}]'
                    aws cloudtrail start-logging --name org-trail""",
                    """
                    OrgTrail:
                      Type: AWS::CloudTrail::Trail
                      Properties:
                        TrailName: org-trail
                        S3BucketName: <log-archive-bucket>
                        IsLogging: true
                        IsMultiRegionTrail: true
                        IsOrganizationTrail: true
                        EnableLogFileValidation: true
                        EventSelectors:
                          - ReadWriteType: All
                            IncludeManagementEvents: true""",
                    """
                    resource "aws_cloudtrail" "org" {
                      name                       = "org-trail"
                      s3_bucket_name             = "<log-archive-bucket>"
                      is_multi_region_trail      = true
                      is_organization_trail      = true
                      enable_log_file_validation = true
                      event_selector {
                        read_write_type           = "All"
                        include_management_events = true
                      }
                    }"""),
            List.of("cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors",
                    "organizations:ListAccounts", "config:BatchGetResourceConfig"));

    /** One trail's standing for coverage: good, bad with a reason, or not judgeable for lack of an export. */
    private sealed interface Standing {
        record Good(String reason) implements Standing {
        }

        record Bad(String reason) implements Standing {
        }

        record Unknown(Exported exported) implements Standing {
        }
    }

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        Trails trails = Trails.of(estate);
        Set<String> members = trails.organisationMembers();
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            Map<String, Trail> candidates = new LinkedHashMap<>();
            Trails.Visible visible = trails.visibleTo(account);
            if (visible instanceof Trails.Visible.Listed listed) {
                listed.trails().forEach(t -> candidates.put(t.arn(), t));
            }
            for (Trail org : trails.organisationTrails()) {
                if (org.owner().equals(account) || members.isEmpty() || members.contains(account)) {
                    candidates.putIfAbsent(org.arn(), org);
                }
            }
            if (candidates.isEmpty() && visible instanceof Trails.Visible.Unavailable u) {
                out.add(v.unavailable(account, "", u.exported()));
                continue;
            }
            out.add(judge(v, account, candidates.values(), trails));
        }
        return out;
    }

    private CheckResult judge(Verdicts v, String account, Iterable<Trail> candidates, Trails trails) {
        List<Standing> standings = new ArrayList<>();
        int total = 0;
        for (Trail t : candidates) {
            total++;
            if (t.multiRegion() && (t.owner().equals(account) || t.organisation())) {
                standings.add(standing(t, account, trails));
            }
        }
        for (Standing s : standings) {
            if (s instanceof Standing.Good good) {
                return v.scope(CheckStatus.PASS, account, "", good.reason());
            }
        }
        for (Standing s : standings) {
            if (s instanceof Standing.Unknown unknown) {
                return v.scope(CheckStatus.ERROR, account, "", Verdicts.unavailableReason(unknown.exported()));
            }
        }
        for (Standing s : standings) {
            if (s instanceof Standing.Bad bad) {
                return v.scope(CheckStatus.FAIL, account, "", bad.reason());
            }
        }
        return v.scope(CheckStatus.FAIL, account, "", total == 0
                ? "No trail logs this account; create a multi-region trail (or an organisation trail)."
                : "None of the " + total + " trail(s) that log this account is multi-region; activity in other regions goes unrecorded.");
    }

    private static Standing standing(Trail t, String account, Trails trails) {
        String who = t.label() + (t.owner().equals(account) ? "" : ", an organisation trail");
        boolean logging;
        switch (trails.status(t)) {
            case Exported.Present p -> logging = Trail.flag(p.body().path("IsLogging"));
            case Exported.Failed f -> { return new Standing.Unknown(f); }
            case Exported.Missing m -> { return new Standing.Unknown(m); }
        }
        if (!logging) {
            return new Standing.Bad("The multi-region " + who + " is not logging (IsLogging false); run start-logging.");
        }
        EventSelectors.Management management;
        switch (trails.eventSelectors(t)) {
            case Exported.Present p -> management = EventSelectors.management(p.body());
            case Exported.Failed f -> { return new Standing.Unknown(f); }
            case Exported.Missing m -> {
                if (t.customEventSelectors().isPresent() && !t.customEventSelectors().get()) {
                    // A trail without custom selectors uses the default: all management events, read and write.
                    management = new EventSelectors.Management(EventSelectors.Coverage.ALL, List.of());
                } else {
                    return new Standing.Unknown(m);
                }
            }
        }
        if (!management.complete()) {
            return new Standing.Bad("The multi-region " + who + " is logging but not every management event: "
                    + management.gap() + "; log all management events of every service (ReadWriteType All, no exclusions).");
        }
        return new Standing.Good("The multi-region " + who + " is logging read and write management events.");
    }
}
