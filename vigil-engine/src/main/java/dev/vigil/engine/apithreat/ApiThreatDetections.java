package dev.vigil.engine.apithreat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.engine.CloudTrailFacts;
import dev.vigil.engine.StatefulDetector;
import dev.vigil.engine.intel.AwsAddressRanges;
import dev.vigil.engine.intel.DomainReputation;
import dev.vigil.engine.intel.IntelMatch;
import dev.vigil.engine.intel.IpAddresses;
import dev.vigil.engine.intel.IpReputation;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Event;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * API-side threat findings over CloudTrail records:
 * <ul>
 *   <li>calls from an address (or host name) in an indicator set: {@code Recon:IAMUser/MaliciousIPCaller(.Custom)}
 *   for read-only calls, {@code UnauthorizedAccess:IAMUser/MaliciousIPCaller(.Custom)} for the others ({@code .Custom}
 *   for the user's own sets), {@code Recon:}/{@code UnauthorizedAccess:IAMUser/TorIPCaller} for Tor sets; one finding
 *   per account, principal, set and listed indicator;</li>
 *   <li>{@code UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS}: an EC2 instance role's session
 *   credentials used from an address that is not the instance's and not in AWS; one finding per account, session and
 *   address.</li>
 * </ul>
 * Exactly what triggers each, and the bounds on state, are in docs/threat-intel.md.
 */
public final class ApiThreatDetections implements StatefulDetector<Event, ApiThreatDetections.State> {

    /** Records kept whole per finding, after the summary entry. */
    static final int EVIDENCE = Finding.MAX_EVIDENCE - 1;
    /** Records kept per session address when every address must be tracked (no AWS ranges): ids and origins only. */
    static final int FALLBACK_EVIDENCE = 10;
    /** Groups one partial state holds; past it new groups are counted in {@link State#dropped()} and ignored. */
    static final int MAX_GROUPS = 100_000;
    /**
     * Characters of copied records one partial state holds (about 64 MiB); past it further evidence keeps only id,
     * time and origin, as the correlation engine does, and {@code vigil scan} reads the records back.
     */
    static final long TEXT_BUDGET = 32L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IpReputation intel;
    private final DomainReputation domains;
    private final AwsAddressRanges awsRanges;
    private final InstanceAddresses instances;

    /**
     * @param intel     indicator sets, or null for none
     * @param awsRanges AWS's published ranges, or null: the exfiltration finding then uses the session's own history
     *                  (see the docs)
     * @param instances known instance addresses, or null for none
     */
    public ApiThreatDetections(IpReputation intel, AwsAddressRanges awsRanges, InstanceAddresses instances) {
        this.intel = intel == null ? IpReputation.NONE : intel;
        this.domains = this.intel instanceof DomainReputation d ? d : null;
        this.awsRanges = awsRanges;
        this.instances = instances == null ? InstanceAddresses.NONE : instances;
    }

    /** One reader's partial state. */
    public static final class State {
        private final Map<IntelKey, IntelCalls> intel = new HashMap<>();
        private final Map<SessionKey, InstanceSession> sessions = new HashMap<>();
        private long dropped;
        private final TextBudget text;
        /** This reader's caching view of the sets: a state belongs to one reader thread, and so may the view. */
        private final IpReputation reputation;

        private State(long textBudget, IpReputation reputation) {
            this.text = new TextBudget(textBudget);
            this.reputation = reputation;
        }

        /** Records ignored because the state held {@value #MAX_GROUPS} groups of a kind already. */
        public long dropped() {
            return dropped;
        }
    }

    private record IntelKey(DetectionInfo rule, String account, String principal, String set, String indicator) {
    }

    private static final class IntelCalls {
        final CallAggregate calls = new CallAggregate(EVIDENCE, true);
        IntelMatch strongest;

        void note(IntelMatch m) {
            if (strongest == null || m.confidence() > strongest.confidence()) {
                strongest = m;
            }
        }
    }

    private record SessionKey(String account, String principal, String accessKey) {
    }

    @Override
    public List<DetectionInfo> detections() {
        return ApiThreatRules.ALL;
    }

    @Override
    public State newState() {
        return new State(TEXT_BUDGET, intel.forOneThread());
    }

    /** A state with another text budget, for tests of what happens when it is spent. */
    State newState(long textBudget) {
        return new State(textBudget, intel.forOneThread());
    }

    @Override
    public void accept(State state, Event event) {
        String source = text(event, "sourceIPAddress");
        long millis = event.timeMillis();
        if (source.isEmpty() || millis == Long.MIN_VALUE || ApiCallKinds.serviceCaller(source)) {
            return;
        }
        String address = IpAddresses.canonical(source);
        long seconds = Math.floorDiv(millis, 1000);
        IntelMatch match = address != null ? state.reputation.lookup(address, seconds)
                : domains != null ? domains.lookupDomain(source, seconds) : null;
        if (match != null) {
            acceptListed(state, event, match, address != null ? address : source.toLowerCase(java.util.Locale.ROOT));
        }
        if (address != null) {
            acceptInstanceSession(state, event, address);
        }
    }

    private void acceptListed(State state, Event event, IntelMatch match, String caller) {
        DetectionInfo rule = ApiThreatRules.forMatch(match, ApiCallKinds.readOnly(text(event, "eventName")));
        IntelKey key = new IntelKey(rule, CloudTrailFacts.INSTANCE.account(event),
                CloudTrailFacts.INSTANCE.principal(event), match.setName(), match.indicator());
        IntelCalls calls = state.intel.get(key);
        if (calls == null) {
            if (state.intel.size() >= MAX_GROUPS) {
                state.dropped++;
                return;
            }
            calls = new IntelCalls();
            state.intel.put(key, calls);
        }
        calls.note(match);
        calls.calls.add(event, CloudTrailFacts.INSTANCE.region(event), text(event, "userIdentity.accessKeyId"),
                caller, state.text);
    }

    private void acceptInstanceSession(State state, Event event, String address) {
        String accessKey = text(event, "userIdentity.accessKeyId");
        if (!accessKey.startsWith("ASIA") || !text(event, "userIdentity.type").equals("AssumedRole")) {
            return;
        }
        String instance = InstanceSessions.instanceId(text(event, "userIdentity.principalId"));
        if (instance == null || IpAddresses.isPrivateOrReserved(address)
                || awsRanges != null && awsRanges.contains(address)) {
            return;
        }
        SessionKey key = new SessionKey(CloudTrailFacts.INSTANCE.account(event),
                CloudTrailFacts.INSTANCE.principal(event), accessKey);
        InstanceSession session = state.sessions.get(key);
        if (session == null) {
            if (state.sessions.size() >= MAX_GROUPS) {
                state.dropped++;
                return;
            }
            session = new InstanceSession(instance);
            state.sessions.put(key, session);
        }
        boolean withText = awsRanges != null;
        session.add(address, event, CloudTrailFacts.INSTANCE.region(event), accessKey,
                withText ? EVIDENCE : FALLBACK_EVIDENCE, withText, state.text);
    }

    @Override
    public List<Finding> finish(List<State> states) {
        Map<IntelKey, IntelCalls> intelCalls = new HashMap<>();
        Map<SessionKey, InstanceSession> sessions = new HashMap<>();
        for (State s : states) {
            s.intel.forEach((k, v) -> intelCalls.merge(k, v, (a, b) -> {
                a.calls.merge(b.calls);
                a.note(b.strongest);
                return a;
            }));
            s.sessions.forEach((k, v) -> sessions.merge(k, v, (a, b) -> {
                a.merge(b);
                return a;
            }));
        }
        List<Finding> findings = new ArrayList<>();
        intelCalls.forEach((k, v) -> findings.add(listedFinding(k, v)));
        sessions.forEach((k, v) -> exfiltration(k, v, findings));
        findings.sort(Comparator.comparing(Finding::id));
        return findings;
    }

    private Finding listedFinding(IntelKey k, IntelCalls v) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("account", k.account());
        keys.put("principal", k.principal());
        keys.put("set", k.set());
        keys.put("indicator", k.indicator());
        CallAggregate c = v.calls;
        ObjectNode facts = JSON.createObjectNode();
        facts.put("set", k.set());
        facts.put("category", v.strongest.category().name());
        facts.put("custom", v.strongest.custom());
        facts.put("confidence", v.strongest.confidence());
        facts.put("indicator", k.indicator());
        facts.putPOJO("addresses", List.copyOf(c.addresses));
        facts.put("calls", c.count);
        facts.put("first", c.first().toString());
        facts.put("last", c.last().toString());
        facts.putPOJO("accessKeys", List.copyOf(c.accessKeys));
        return finding(k.rule(), keys, k.account(), CallAggregate.single(c.regions), k.principal(),
                CallAggregate.single(c.accessKeys), c, facts);
    }

    private void exfiltration(SessionKey k, InstanceSession s, List<Finding> out) {
        String anchor = awsRanges != null ? null : s.anchor(instances);
        CallAggregate anchorCalls = anchor == null ? null : s.byAddress.get(anchor);
        boolean anchorOwned = anchor != null && instances.owns(s.instanceId, anchor);
        for (Map.Entry<String, CallAggregate> e : s.byAddress.entrySet()) {
            String address = e.getKey();
            CallAggregate c = e.getValue();
            if (instances.owns(s.instanceId, address)) {
                continue;
            }
            if (anchorCalls != null && (address.equals(anchor) || c.firstMillis <= anchorCalls.firstMillis
                    || !anchorOwned && c.count >= anchorCalls.count)) {
                continue;
            }
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("account", k.account());
            keys.put("principal", k.principal());
            keys.put("address", address);
            ObjectNode facts = JSON.createObjectNode();
            facts.put("instanceId", s.instanceId);
            facts.put("accessKeyId", k.accessKey());
            facts.put("address", address);
            facts.put("calls", c.count);
            facts.put("first", c.first().toString());
            facts.put("last", c.last().toString());
            facts.put("decidedBy", awsRanges != null ? "aws-ip-ranges" : "session-history");
            if (anchorCalls != null) {
                facts.put("sessionAddress", anchor);
                facts.put("sessionAddressCalls", anchorCalls.count);
                facts.put("sessionAddressFirst", anchorCalls.first().toString());
                facts.put("sessionAddressIsInstances", anchorOwned);
            }
            facts.putPOJO("sessionAddresses", List.copyOf(s.byAddress.keySet()));
            out.add(finding(ApiThreatRules.EXFILTRATION, keys, k.account(), CallAggregate.single(c.regions),
                    k.principal(), s.instanceId, c, facts));
        }
    }

    private static Finding finding(DetectionInfo rule, Map<String, String> keys, String account, String region,
                                   String principal, String resource, CallAggregate c, ObjectNode facts) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("summary", c.first(), "summary", facts.toString()));
        evidence.addAll(c.evidence.list());
        return new Finding(Finding.idFor(rule.id(), keys), rule, keys, account, region, principal, resource,
                c.first(), c.last(), c.count, evidence);
    }

    /** A field's text, or empty when absent or not a string. */
    private static String text(Event e, String path) {
        return Objects.requireNonNullElse(e.field(path), "") instanceof String s ? s : "";
    }
}
