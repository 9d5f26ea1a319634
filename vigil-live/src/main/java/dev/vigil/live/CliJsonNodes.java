package dev.vigil.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The module's one ObjectMapper and node factory, so every class writes JSON the same way. */
final class CliJsonNodes {

    static final ObjectMapper JSON = new ObjectMapper();

    private CliJsonNodes() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
