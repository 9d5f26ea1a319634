package dev.vigil.posture.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One resource as of one capture: the normalised form of an AWS Config configuration item, whichever channel it
 * came from (snapshot file, history file, the configservice API, the live collector).
 *
 * <p>Readers decode Config's channel quirks before building this: {@code configuration} and
 * {@code supplementaryConfiguration} are always JSON objects here (never JSON-in-a-string), supplementary values that
 * Config double-serialises are parsed, and {@code ARN}/{@code arn} are unified. IAM policy documents inside the
 * configuration stay as Config wrote them; use {@link PolicyDocuments} to read one.
 *
 * @param type          Config resource type, e.g. {@code AWS::S3::Bucket}
 * @param id            Config resource id
 * @param name          resource name, or empty
 * @param arn           ARN, or empty when Config gives none
 * @param account       12-digit account id
 * @param region        region, or {@code global} for IAM and other global types
 * @param status        Config item status: OK, ResourceDiscovered, ResourceDeleted, …
 * @param captureTime   when Config captured this state
 * @param tags          resource tags
 * @param configuration the resource's configuration object, or a missing node when deleted
 * @param supplementaryConfiguration the supplementary configuration object (empty object when none)
 * @param relationships Config relationships
 * @param source        where this item was read, {@code FILE#index}, for error messages and evidence
 */
public record Resource(String type, String id, String name, String arn, String account, String region,
                       String status, Instant captureTime, Map<String, String> tags,
                       JsonNode configuration, JsonNode supplementaryConfiguration,
                       List<Relationship> relationships, String source) {

    public Resource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        name = Objects.requireNonNullElse(name, "");
        arn = Objects.requireNonNullElse(arn, "");
        account = Objects.requireNonNullElse(account, "");
        region = Objects.requireNonNullElse(region, "");
        status = Objects.requireNonNullElse(status, "OK");
        Objects.requireNonNull(captureTime, "captureTime");
        tags = Map.copyOf(tags);
        configuration = configuration == null || configuration.isNull() ? MissingNode.getInstance() : configuration;
        supplementaryConfiguration = supplementaryConfiguration == null || supplementaryConfiguration.isNull()
                ? MissingNode.getInstance() : supplementaryConfiguration;
        relationships = List.copyOf(relationships);
        source = Objects.requireNonNullElse(source, "");
    }

    /** True when Config says the resource no longer exists. */
    public boolean deleted() {
        return status.startsWith("ResourceDeleted");
    }

    /** The ARN when known, else {@code type/id}: what a check result names as the resource. */
    public String displayId() {
        return arn.isEmpty() ? type + "/" + id : arn;
    }

    /** A configuration value by dotted path, e.g. {@code "metadataOptions.httpTokens"}; missing node when absent. */
    public JsonNode config(String dottedPath) {
        return at(configuration, dottedPath);
    }

    /** A supplementary configuration value by dotted path; missing node when absent. */
    public JsonNode supplementary(String dottedPath) {
        return at(supplementaryConfiguration, dottedPath);
    }

    private static JsonNode at(JsonNode root, String dottedPath) {
        JsonNode node = root;
        for (String part : dottedPath.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }
}
