package dev.vigil.posture.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.inventory.Relationship;
import dev.vigil.posture.inventory.Resource;
import dev.vigil.posture.supplement.SupplementDoc;
import dev.vigil.posture.supplement.Supplements;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds small estates for check tests: resources from JSON text, supplementary exports from the exact CLI JSON.
 *
 * <pre>{@code
 * Estate estate = new EstateFixture()
 *     .resource("AWS::S3::Bucket", "logs", "111111111111", "us-east-1", "{\"name\":\"logs\"}")
 *     .export("111111111111", "us-east-1", "cloudtrail", "describe-trails", "{\"trailList\":[]}")
 *     .estate();
 * }</pre>
 */
public final class EstateFixture {

    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Inventory inventory = new Inventory();
    private final Supplements supplements = new Supplements();
    private final List<RootUse> rootUses = new ArrayList<>();
    private PosturePolicy policy = PosturePolicy.defaults();
    private Instant now = NOW;

    /** A resource with configuration JSON, no tags, no supplementary configuration, ARN derived when obvious. */
    public EstateFixture resource(String type, String id, String account, String region, String configurationJson) {
        return resource(type, id, account, region, configurationJson, "{}", Map.of());
    }

    public EstateFixture resource(String type, String id, String account, String region, String configurationJson,
                                  String supplementaryJson, Map<String, String> tags) {
        inventory.add(new Resource(type, id, id, arnFor(type, id, account, region), account, region, "OK",
                NOW.minusSeconds(3600), tags, json(configurationJson), json(supplementaryJson), List.of(), "fixture"));
        return this;
    }

    /** A fully specified resource. */
    public EstateFixture resource(Resource resource) {
        inventory.add(resource);
        return this;
    }

    /** A resource with relationships. */
    public EstateFixture resource(String type, String id, String account, String region, String configurationJson,
                                  List<Relationship> relationships) {
        inventory.add(new Resource(type, id, id, arnFor(type, id, account, region), account, region, "OK",
                NOW.minusSeconds(3600), Map.of(), json(configurationJson), json("{}"), relationships, "fixture"));
        return this;
    }

    /** A list/describe-all export. */
    public EstateFixture export(String account, String region, String service, String operation, String bodyJson) {
        return export(account, region, service, operation, "", bodyJson);
    }

    /** A per-item export. */
    public EstateFixture export(String account, String region, String service, String operation, String subject,
                                String bodyJson) {
        supplements.add(new SupplementDoc(account, region, service, operation, subject, json(bodyJson),
                "supplementary/" + account + "/" + region + "/" + service + "." + operation
                        + (subject.isEmpty() ? "" : "." + subject) + ".json"));
        return this;
    }

    /** An export that records a failed call, as a user writes it when the CLI was denied. */
    public EstateFixture deniedExport(String account, String region, String service, String operation) {
        return export(account, region, service, operation,
                "{\"Error\":{\"Code\":\"AccessDenied\",\"Message\":\"not authorized\"}}");
    }

    public EstateFixture policy(PosturePolicy policy) {
        this.policy = policy;
        return this;
    }

    public EstateFixture rootUse(RootUse use) {
        rootUses.add(use);
        return this;
    }

    public EstateFixture now(Instant now) {
        this.now = now;
        return this;
    }

    public Estate estate() {
        return new Estate(inventory, supplements, policy, now, rootUses);
    }

    /** Parses JSON text; fixtures are trusted, so a typo is a test bug and fails loudly. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new UncheckedIOException(new java.io.IOException("bad fixture JSON: " + text, e));
        }
    }

    private static String arnFor(String type, String id, String account, String region) {
        return switch (type) {
            case "AWS::S3::Bucket" -> "arn:aws:s3:::" + id;
            case "AWS::CloudTrail::Trail" -> "arn:aws:cloudtrail:" + region + ":" + account + ":trail/" + id;
            case "AWS::KMS::Key" -> "arn:aws:kms:" + region + ":" + account + ":key/" + id;
            case "AWS::EC2::VPC" -> "arn:aws:ec2:" + region + ":" + account + ":vpc/" + id;
            case "AWS::EC2::Volume" -> "arn:aws:ec2:" + region + ":" + account + ":volume/" + id;
            case "AWS::RDS::DBInstance" -> "arn:aws:rds:" + region + ":" + account + ":db:" + id;
            case "AWS::DynamoDB::Table" -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + id;
            default -> "";
        };
    }
}
