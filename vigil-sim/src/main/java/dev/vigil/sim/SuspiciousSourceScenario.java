package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;

import static dev.vigil.sim.Api.*;

/**
 * An IAM user's key is used from an address on an indicator list: a Tor exit node, or an address on the partner
 * blocklist. Same short reconnaissance either way; what makes it a finding is the source.
 */
final class SuspiciousSourceScenario implements ScenarioScript {

    static final String TOR = "tor-api-caller";
    static final String MALICIOUS = "malicious-ip-api-caller";
    private static final Api[] CALLS = {GET_CALLER_IDENTITY, LIST_BUCKETS, DESCRIBE_INSTANCES,
            DESCRIBE_SECURITY_GROUPS, LIST_USERS};

    private final String id;
    private final String ip;
    private final double position;
    private final String userName;

    /** @param userName the IAM user (of the prod account) whose key is used; only this scenario uses it */
    SuspiciousSourceScenario(String id, String ip, double position, String userName) {
        this.id = id;
        this.ip = ip;
        this.position = position;
        this.userName = userName;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public double position() {
        return position;
    }

    @Override
    public long maxDurationMillis() {
        return 10 * 60_000L;
    }

    @Override
    public Planned run(long start, ScenarioKit kit) {
        Identity.IamUser identity = ApiThreats.dedicatedUser(kit, userName);
        Account account = kit.estate.account("prod");
        String agent = UserAgents.PEOPLE_CLI.get(0);
        ScenarioRecorder rec = new ScenarioRecorder(id);
        boolean tor = id.equals(TOR);
        rec.step("calls", tor ? "Calls routed through a Tor exit node." : "Calls from an address on the blocklist.");
        rec.principal(identity.arn());
        long t = start;
        for (Api api : CALLS) {
            rec.add("calls", kit.call(api, t, identity, ip, agent,
                    kit.target(account, Estate.HOME_REGION, null, null, userName, t)).build());
            t += kit.gap(10, 40);
        }
        Scenario summary = rec.summary(tor ? "API calls from a Tor exit node" : "API calls from a blocklisted address",
                "IAM user " + userName + " calls AWS from " + ip + (tor ? ", an address in the Tor exit list. "
                        + "Every call is read-only, so GuardDuty's Recon: variant applies. Expected detection: "
                        + "Recon:IAMUser/TorIPCaller." : ", an address in the malicious indicator set. Every call is "
                        + "read-only, so GuardDuty's Recon: variant applies. Expected detection: "
                        + "Recon:IAMUser/MaliciousIPCaller.Custom."), true, account.id());
        return new Planned(summary, rec.records());
    }
}
