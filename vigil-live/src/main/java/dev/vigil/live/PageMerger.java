package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the pages of a paginated response into the one document the AWS CLI prints: list members are concatenated
 * across pages, other members keep the first page's value, and the paging tokens are dropped (the CLI follows them
 * itself and does not print them).
 */
final class PageMerger {

    /** Members that only steer paging; the CLI's merged output never contains them. */
    private static final Set<String> TOKENS = Set.of("NextToken", "nextToken", "Marker", "NextMarker",
            "IsTruncated", "Truncated", "NextPageToken");

    private PageMerger() {
    }

    static ObjectNode merge(List<ObjectNode> pages) {
        ObjectNode out = pages.isEmpty() ? CliJsonNodes.object() : pages.get(0).deepCopy();
        for (int i = 1; i < pages.size(); i++) {
            for (Map.Entry<String, JsonNode> field : pages.get(i).properties()) {
                JsonNode held = out.get(field.getKey());
                if (held == null) {
                    out.set(field.getKey(), field.getValue());
                } else if (held.isArray() && field.getValue().isArray()) {
                    ((ArrayNode) held).addAll((ArrayNode) field.getValue());
                }
            }
        }
        TOKENS.forEach(out::remove);
        return out;
    }
}
