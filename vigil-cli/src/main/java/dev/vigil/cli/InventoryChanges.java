package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.inventory.history.Attribution;
import dev.vigil.posture.inventory.history.PathChange;
import dev.vigil.posture.inventory.history.ResourceChange;
import dev.vigil.report.TerminalText;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints configuration changes for {@code inventory diff} and {@code inventory timeline}, as text or JSON lines. */
final class InventoryChanges {

    /** Values longer than this are shortened in text output (JSON output keeps them whole). */
    private static final int VALUE_WIDTH = 80;
    private static final ObjectMapper JSON = new ObjectMapper();

    private InventoryChanges() {
    }

    static void text(List<ResourceChange> changes, PrintStream out) {
        for (ResourceChange c : changes) {
            out.printf(Locale.ROOT, "%s  %-7s  %s%n", c.time(), c.type().name(), TerminalText.sanitize(
                    c.after().arn().isEmpty() ? c.key().toString() : c.key().account() + "/" + c.key().region()
                            + "  " + c.after().arn()));
            c.attribution().ifPresent(a -> out.println("    by " + who(a)));
            for (PathChange p : c.changes()) {
                out.println("    " + TerminalText.sanitize(p.path()) + ": " + value(p.before()) + " -> "
                        + value(p.after()));
            }
        }
    }

    static void jsonl(List<ResourceChange> changes, PrintStream out) {
        for (ResourceChange c : changes) {
            out.println(json(c));
        }
    }

    static ObjectNode json(ResourceChange c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("time", c.time().toString());
        o.put("change", c.type().name());
        o.put("account", c.key().account());
        o.put("region", c.key().region());
        o.put("resourceType", c.key().type());
        o.put("resourceId", c.key().id());
        o.put("arn", c.after().arn());
        ArrayNode paths = o.putArray("changes");
        for (PathChange p : c.changes()) {
            ObjectNode po = paths.addObject();
            po.put("path", p.path());
            po.set("before", p.before().isMissingNode() ? null : p.before());
            po.set("after", p.after().isMissingNode() ? null : p.after());
        }
        c.attribution().ifPresent(a -> {
            ObjectNode by = o.putObject("attribution");
            by.put("principal", a.principal());
            by.put("eventTime", a.eventTime().toString());
            by.put("eventSource", a.eventSource());
            by.put("eventName", a.eventName());
            by.put("sourceIPAddress", a.sourceIp());
            by.put("userAgent", a.userAgent());
            by.put("eventID", a.eventId());
        });
        return o;
    }

    private static String who(Attribution a) {
        return TerminalText.sanitize(a.principal() + " via " + a.eventSource() + " " + a.eventName() + " at "
                + a.eventTime() + " from " + a.sourceIp() + " (eventID " + a.eventId() + ")");
    }

    private static String value(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "(absent)";
        }
        String text = v.isTextual() ? v.asText() : v.toString();
        if (text.length() > VALUE_WIDTH) {
            text = text.substring(0, VALUE_WIDTH - 1) + "…";
        }
        return TerminalText.sanitize(text);
    }
}
