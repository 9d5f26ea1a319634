package dev.vigil.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.BaseConfigurationItem;
import software.amazon.awssdk.services.config.model.BatchGetResourceConfigResponse;
import software.amazon.awssdk.services.config.model.GetDiscoveredResourceCountsResponse;
import software.amazon.awssdk.services.config.model.ResourceCount;
import software.amazon.awssdk.services.config.model.ResourceIdentifier;
import software.amazon.awssdk.services.config.model.ResourceKey;
import software.amazon.awssdk.services.config.model.SelectResourceConfigResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The inventory of one account and region from AWS Config.
 *
 * <p>First choice is the advanced query {@code SELECT *}: every recorded resource's current configuration item
 * (configuration, supplementary configuration, tags, relationships), 100 a page, each row a JSON string. Where
 * advanced query is refused (not offered in the region, or the role lacks {@code config:SelectResourceConfig}), the
 * fallback lists the recorded types ({@code GetDiscoveredResourceCounts}), their resources
 * ({@code ListDiscoveredResources}) and fetches them 100 at a time ({@code BatchGetResourceConfig}); those items
 * carry no tags or relationships, which the documentation says. Items are normalised to snapshot-file shape. When
 * both fail, the Error document {@code configservice.batch-get-resource-config} says why the region has no
 * inventory.
 */
final class ConfigInventoryCalls {

    static final String QUERY = "SELECT *";
    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(ConfigInventoryCalls.class.getName());

    private ConfigInventoryCalls() {
    }

    /** Items in snapshot-file shape, in the order Config returned them. */
    static List<ObjectNode> collect(Scope scope, CallRecorder recorder) {
        ConfigClient config = scope.client(ConfigClient.builder());
        List<ObjectNode> items = new ArrayList<>();
        Optional<JsonNode> selected = recorder.attempt(scope, "configservice", "select-resource-config", () -> {
            for (SelectResourceConfigResponse page : config.selectResourceConfigPaginator(
                    r -> r.expression(QUERY).limit(BATCH))) {
                page.results().forEach(row -> parse(row, scope).ifPresent(items::add));
            }
            return CliJsonNodes.object();
        });
        if (selected.isPresent()) {
            return items;
        }
        items.clear();
        recorder.record(scope, "configservice", "batch-get-resource-config", "", () -> {
            for (String type : recordedTypes(config)) {
                List<ResourceKey> keys = new ArrayList<>();
                for (ResourceIdentifier id : config.listDiscoveredResourcesPaginator(r -> r.resourceType(type))
                        .resourceIdentifiers()) {
                    keys.add(ResourceKey.builder().resourceType(id.resourceTypeAsString()).resourceId(id.resourceId())
                            .build());
                }
                for (int from = 0; from < keys.size(); from += BATCH) {
                    List<ResourceKey> chunk = keys.subList(from, Math.min(keys.size(), from + BATCH));
                    BatchGetResourceConfigResponse batch = config.batchGetResourceConfig(r -> r.resourceKeys(chunk));
                    for (BaseConfigurationItem item : batch.baseConfigurationItems()) {
                        items.add(ConfigItems.normalise(CliJson.toJson(item)));
                    }
                    if (!batch.unprocessedResourceKeys().isEmpty()) {
                        LOG.warning(() -> batch.unprocessedResourceKeys().size() + " " + type + " items in "
                                + scope.account() + "/" + scope.region() + " were not returned by AWS Config");
                    }
                }
            }
            return CliJsonNodes.object();
        }, false);
        return items;
    }

    private static List<String> recordedTypes(ConfigClient config) {
        List<String> types = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            GetDiscoveredResourceCountsResponse counts = config.getDiscoveredResourceCounts(r -> r.nextToken(page));
            for (ResourceCount count : counts.resourceCounts()) {
                if (count.count() != null && count.count() > 0) {
                    types.add(count.resourceTypeAsString());
                }
            }
            token = counts.nextToken();
        } while (token != null && !token.isEmpty());
        return types;
    }

    private static Optional<ObjectNode> parse(String row, Scope scope) {
        try {
            JsonNode node = CliJsonNodes.JSON.readTree(row);
            return node != null && node.isObject() ? Optional.of(ConfigItems.normalise(node)) : Optional.empty();
        } catch (JsonProcessingException broken) {
            // The row is attacker-influenced text: say where it broke, never echo it.
            LOG.warning(() -> "skipped an AWS Config row that is not JSON in " + scope.account() + "/"
                    + scope.region() + " (column " + broken.getLocation().getColumnNr() + ")");
            return Optional.empty();
        }
    }
}
