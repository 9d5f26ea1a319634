package dev.vigil.posture.check.vpc;

import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flow logs of one account and region, merged from the describe-flow-logs export and AWS::EC2::FlowLog Config
 * items (de-duplicated by id; the export wins because it carries live delivery status).
 *
 * @param logs      the flow logs found
 * @param export    the describe-flow-logs export as found (Present, Failed or Missing)
 * @param complete  true when absence of a flow log is evidence: the export is present, or Config records flow logs
 *                  in this account and region (so the recorder covers the type)
 */
record FlowLogs(List<FlowLog> logs, Exported export, boolean complete) {

    static FlowLogs of(Estate estate, String account, String region) {
        Exported export = Exported.lookup(estate, account, region, "ec2", "describe-flow-logs");
        Map<String, FlowLog> byId = new LinkedHashMap<>();
        if (export instanceof Exported.Present p) {
            p.body().path("FlowLogs").forEach(f -> FlowLog.fromExport(f, account, region).ifPresent(l -> byId.putIfAbsent(l.id(), l)));
        }
        List<Resource> items = estate.inventory().ofType("AWS::EC2::FlowLog", account)
                .filter(r -> r.region().equals(region)).toList();
        items.forEach(r -> FlowLog.fromConfigItem(r.configuration(), account, region).ifPresent(l -> byId.putIfAbsent(l.id(), l)));
        return new FlowLogs(new ArrayList<>(byId.values()), export,
                export instanceof Exported.Present || !items.isEmpty());
    }

    /** The flow logs watching one VPC directly. */
    List<FlowLog> watching(String vpcId) {
        return logs.stream().filter(l -> l.resourceId().equals(vpcId)).toList();
    }

    /** Regions of the account with VPCs, flow log items or flow log exports. */
    static Set<String> regions(Estate estate, String account) {
        Set<String> out = new TreeSet<>();
        estate.inventory().ofType("AWS::EC2::VPC", account).forEach(r -> out.add(r.region()));
        estate.inventory().ofType("AWS::EC2::FlowLog", account).forEach(r -> out.add(r.region()));
        estate.supplements().all("ec2", "describe-flow-logs").stream()
                .filter(d -> d.account().equals(account)).forEach(d -> out.add(d.region()));
        return out;
    }
}
