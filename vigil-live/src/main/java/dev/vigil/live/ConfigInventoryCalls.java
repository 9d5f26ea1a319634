package dev.vigil.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.SelectResourceConfigResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The inventory of one account and region from AWS Config's advanced query: {@code SELECT *} returns every recorded
 * resource's current configuration item (configuration, supplementary configuration, tags and relationships), 100
 * per page. Each row is a JSON string; rows are normalised to snapshot-file items. When the query fails, the Error
 * document {@code configservice.select-resource-config} says why the region has no inventory.
 */
final class ConfigInventoryCalls {

    static final String QUERY = "SELECT *";
    private static final Logger LOG = Logger.getLogger(ConfigInventoryCalls.class.getName());

    private ConfigInventoryCalls() {
    }

    /** Items in snapshot-file shape, in the order Config returned them. */
    static List<ObjectNode> collect(Scope scope, CallRecorder recorder) {
        ConfigClient config = scope.clients().client(ConfigClient.builder(), scope.account(), scope.callRegion());
        List<ObjectNode> items = new ArrayList<>();
        recorder.record(scope, "configservice", "select-resource-config", "", () -> {
            for (SelectResourceConfigResponse page : config.selectResourceConfigPaginator(
                    r -> r.expression(QUERY).limit(100))) {
                page.results().forEach(row -> parse(row, scope).ifPresent(items::add));
            }
            return CliJsonNodes.object();
        }, false);
        return items;
    }

    private static Optional<ObjectNode> parse(String row, Scope scope) {
        try {
            JsonNode node = CliJsonNodes.JSON.readTree(row);
            return node != null && node.isObject() ? Optional.of(ConfigItems.normalise(node)) : Optional.empty();
        } catch (JsonProcessingException broken) {
            LOG.warning(() -> "skipped an unreadable AWS Config row in " + scope.account() + "/" + scope.region()
                    + ": " + broken.getOriginalMessage());
            return Optional.empty();
        }
    }
}
