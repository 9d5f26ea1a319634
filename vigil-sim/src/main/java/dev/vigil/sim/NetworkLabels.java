package dev.vigil.sim;

import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.Host;

import java.nio.file.Path;
import java.util.List;

import static dev.vigil.sim.Json.obj;

/**
 * Writes {@code OUT/network-labels.jsonl}: one line per injected network scenario and per expected API-side finding,
 * naming the GuardDuty-style finding type that should be raised, where (account, region, instance or principal), with
 * whom (the peer address) and when (ISO-8601 start and end). Flow lines have {@code "kind":"flow"}, API lines
 * {@code "kind":"api"}.
 */
final class NetworkLabels {

    static final String FILE = "network-labels.jsonl";

    private NetworkLabels() {
    }

    static long write(Path outDir, List<NetworkScenario> network, List<LabelledRecord> scenarioRecords) {
        TimeText time = new TimeText();
        StringBuilder out = new StringBuilder();
        long lines = 0;
        for (NetworkScenario s : network) {
            if (!NetworkScenarios.labelled(s)) {
                continue;
            }
            Host h = s.host();
            Fleet.Instance i = h.instance();
            Obj line = obj("scenario", s.id(), "kind", "flow", "type", s.type(), "account", i.account().id(),
                    "region", i.region(), "resource", i.resourceId(), "interface", i.eniId(), "address", h.privateIp(),
                    "publicAddress", i.publicIp(), "peer", s.peer(), "port", s.port(), "protocol", s.protocol(),
                    "direction", s.inbound() ? "inbound" : "outbound", "start", time.iso(s.from() * 1000),
                    "end", time.iso(s.to() * 1000), "summary", s.summary());
            out.append(TreeJson.string(line)).append('\n');
            lines++;
        }
        for (ApiThreats.Expectation e : ApiThreats.EXPECTED) {
            List<TrailRecord> records = scenarioRecords.stream()
                    .filter(r -> r.scenario().equals(e.scenario()) && e.steps().contains(r.step()))
                    .map(LabelledRecord::record).toList();
            if (records.isEmpty()) {
                continue;
            }
            TrailRecord first = records.getFirst();
            Obj line = obj("scenario", e.scenario(), "kind", "api", "type", e.type(),
                    "account", first.recipientAccountId(), "region", first.awsRegion(), "resource", arn(first.identity()),
                    "peer", first.sourceIp(), "steps", List.copyOf(e.steps()), "events", records.size(),
                    "start", time.iso(first.timeMillis()), "end", time.iso(records.getLast().timeMillis() + 1000));
            out.append(TreeJson.string(line)).append('\n');
            lines++;
        }
        SideFiles.write(outDir.resolve(FILE), out.toString());
        return lines;
    }

    private static String arn(Identity identity) {
        return switch (identity) {
            case Identity.IamUser u -> u.arn();
            case Identity.AssumedRole a -> a.arn();
            default -> throw new IllegalArgumentException("API scenarios act as IAM users or role sessions");
        };
    }
}
