package dev.vigil.hub.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Enough of ServiceNow's Table API for incidents: query by correlation_id, create, PATCH; checks auth. */
final class FakeServiceNow implements RecordingHttpServer.Responder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "/api/now/table/incident";

    final Map<String, ObjectNode> incidents = new LinkedHashMap<>();
    private final String expectedAuth;

    FakeServiceNow(String expectedAuth) {
        this.expectedAuth = expectedAuth;
    }

    @Override
    public synchronized RecordingHttpServer.Response answer(RecordingHttpServer.Request r) {
        if (!expectedAuth.equals(r.header("Authorization"))) {
            return RecordingHttpServer.Response.of(401, "{\"error\":{\"message\":\"User Not Authenticated\"}}");
        }
        try {
            if (r.method().equals("GET") && r.path().equals(TABLE)) {
                String query = "";
                for (String pair : r.query().split("&")) {
                    if (pair.startsWith("sysparm_query=")) {
                        query = URLDecoder.decode(pair.substring(14), StandardCharsets.UTF_8);
                    }
                }
                String wanted = query.startsWith("correlation_id=") ? query.substring(15) : null;
                ObjectNode o = JSON.createObjectNode();
                ArrayNode result = o.putArray("result");
                incidents.forEach((id, inc) -> {
                    if (inc.path("correlation_id").asText().equals(wanted)) {
                        result.addObject().put("sys_id", id).put("number", inc.path("number").asText());
                    }
                });
                return RecordingHttpServer.Response.of(200, o.toString());
            }
            if (r.method().equals("POST") && r.path().equals(TABLE)) {
                ObjectNode inc = (ObjectNode) JSON.readTree(r.body());
                String sysId = HexFormat.of().formatHex(new byte[16]).substring(0, 28)
                        + String.format("%04x", incidents.size() + 1);
                inc.put("number", String.format("INC%07d", incidents.size() + 1));
                inc.put("state", "1");
                incidents.put(sysId, inc);
                ObjectNode o = JSON.createObjectNode();
                o.putObject("result").put("sys_id", sysId).put("number", inc.path("number").asText());
                return RecordingHttpServer.Response.of(201, o.toString());
            }
            if (r.method().equals("PATCH") && r.path().startsWith(TABLE + "/")) {
                ObjectNode inc = incidents.get(r.path().substring(TABLE.length() + 1));
                if (inc == null) {
                    return RecordingHttpServer.Response.of(404, "{\"error\":{\"message\":\"No Record found\"}}");
                }
                JsonNode patch = JSON.readTree(r.body());
                patch.properties().forEach(e -> inc.set(e.getKey(), e.getValue()));
                ObjectNode o = JSON.createObjectNode();
                o.set("result", inc);
                return RecordingHttpServer.Response.of(200, o.toString());
            }
            return RecordingHttpServer.Response.of(404, "{}");
        } catch (Exception e) {
            return RecordingHttpServer.Response.of(500, e.toString());
        }
    }
}
