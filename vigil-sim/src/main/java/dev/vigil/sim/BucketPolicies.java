package dev.vigil.sim;

import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.BucketSetup;
import dev.vigil.sim.PostureOrg.TrailState;

import java.util.ArrayList;
import java.util.List;

import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * The bucket policies of the simulated organisation: a TLS-only deny on every bucket that has a policy, the
 * service statements a log bucket needs (CloudTrail, S3 server access logging, VPC flow logs, Config), and, for
 * the history only, the public-read statement someone added to a bucket for twenty-five minutes.
 */
final class BucketPolicies {

    private BucketPolicies() {
    }

    static Obj policy(PostureOrg org, BucketSetup b, boolean publicRead) {
        List<Obj> statements = new ArrayList<>();
        String orgId = org.estate().orgId();
        if (b.tlsOnly()) {
            statements.add(obj("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*", "Action", "s3:*",
                    "Resource", list(b.arn(), b.arn() + "/*"),
                    "Condition", obj("Bool", obj("aws:SecureTransport", "false"))));
        }
        switch (b.role()) {
            case CLOUDTRAIL, ACCESS_LOGS -> {
                for (TrailState t : org.trails()) {
                    if (t.trail().bucket().equals(b.name())) {
                        statements.addAll(cloudTrail(org, b, t));
                    }
                }
                if (b.role() == PostureOrg.BucketRole.ACCESS_LOGS) {
                    statements.add(obj("Sid", "S3ServerAccessLogs", "Effect", "Allow",
                            "Principal", obj("Service", "logging.s3.amazonaws.com"), "Action", "s3:PutObject",
                            "Resource", b.arn() + "/*",
                            "Condition", obj("StringEquals", obj("aws:SourceOrgID", orgId))));
                }
            }
            case FLOW_LOGS -> {
                statements.add(obj("Sid", "FlowLogsAclCheck", "Effect", "Allow",
                        "Principal", obj("Service", "delivery.logs.amazonaws.com"), "Action", "s3:GetBucketAcl",
                        "Resource", b.arn(), "Condition", obj("StringEquals", obj("aws:SourceOrgID", orgId))));
                statements.add(obj("Sid", "FlowLogsWrite", "Effect", "Allow",
                        "Principal", obj("Service", "delivery.logs.amazonaws.com"), "Action", "s3:PutObject",
                        "Resource", b.arn() + "/*", "Condition", obj("StringEquals", obj("aws:SourceOrgID", orgId,
                                "s3:x-amz-acl", "bucket-owner-full-control"))));
            }
            case CONFIG -> {
                statements.add(obj("Sid", "ConfigAclCheck", "Effect", "Allow",
                        "Principal", obj("Service", "config.amazonaws.com"),
                        "Action", list("s3:GetBucketAcl", "s3:ListBucket"), "Resource", b.arn(),
                        "Condition", obj("StringEquals", obj("aws:SourceOrgID", orgId))));
                statements.add(obj("Sid", "ConfigWrite", "Effect", "Allow",
                        "Principal", obj("Service", "config.amazonaws.com"), "Action", "s3:PutObject",
                        "Resource", b.arn() + "/AWSLogs/*", "Condition", obj("StringEquals", obj("aws:SourceOrgID",
                                orgId, "s3:x-amz-acl", "bucket-owner-full-control"))));
            }
            case DATA -> {
            }
        }
        if (publicRead) {
            statements.add(obj("Sid", "TemporaryPublicRead", "Effect", "Allow", "Principal", "*",
                    "Action", "s3:GetObject", "Resource", b.arn() + "/*"));
        }
        return obj("Version", "2012-10-17", "Statement", List.copyOf(statements));
    }

    private static List<Obj> cloudTrail(PostureOrg org, BucketSetup b, TrailState t) {
        String trailArn = t.trail().arn();
        String owner = t.trail().account().id();
        List<Object> writeTo = new ArrayList<>(List.of(b.arn() + "/AWSLogs/" + owner + "/*"));
        if (t.trail().organization()) {
            writeTo.add(b.arn() + "/AWSLogs/" + org.estate().orgId() + "/*");
        }
        String sid = t.trail().organization() ? "OrgTrail" : "AccountTrail";
        return List.of(
                obj("Sid", sid + "AclCheck", "Effect", "Allow", "Principal", obj("Service", "cloudtrail.amazonaws.com"),
                        "Action", "s3:GetBucketAcl", "Resource", b.arn(),
                        "Condition", obj("StringEquals", obj("aws:SourceArn", trailArn))),
                obj("Sid", sid + "Write", "Effect", "Allow", "Principal", obj("Service", "cloudtrail.amazonaws.com"),
                        "Action", "s3:PutObject", "Resource", List.copyOf(writeTo),
                        "Condition", obj("StringEquals", obj("aws:SourceArn", trailArn,
                                "s3:x-amz-acl", "bucket-owner-full-control"))));
    }
}
