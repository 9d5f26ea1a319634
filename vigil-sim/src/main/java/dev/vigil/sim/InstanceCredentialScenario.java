package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;

import static dev.vigil.sim.Api.*;

/**
 * The prod web server's instance-role credentials (session name = the instance id, an {@code ASIA} key) are used all
 * morning from the instance's own public address, then — stolen through the metadata service — from an outside
 * address for reconnaissance.
 */
final class InstanceCredentialScenario implements ScenarioScript {

    static final String ID = "instance-credential-exfiltration";
    private static final Api[] ROUTINE = {GET_CALLER_IDENTITY, DESCRIBE_INSTANCES, LIST_BUCKETS};
    private static final Api[] STOLEN = {GET_CALLER_IDENTITY, LIST_BUCKETS, DESCRIBE_INSTANCES, LIST_USERS,
            DESCRIBE_SECURITY_GROUPS};
    static final String OUTSIDE_IP = "203.0.113.251";

    private final Fleet.Instance instance;
    private final long spanMillis;

    InstanceCredentialScenario(Fleet.Instance instance, long spanMillis) {
        this.instance = instance;
        this.spanMillis = spanMillis;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double position() {
        return 0.03;
    }

    /** Routine use from the instance until 60 % of the span, then the stolen use. */
    @Override
    public long maxDurationMillis() {
        return (long) (spanMillis * 0.62);
    }

    @Override
    public Planned run(long start, ScenarioKit kit) {
        Account account = instance.account();
        String roleName = instance.roleName();
        String roleArn = "arn:aws:iam::" + account.id() + ":role/" + roleName;
        String roleId = "AROA" + Payloads.stableHex(roleArn, 17).toUpperCase(java.util.Locale.ROOT);
        Identity.AssumedRole session = new Identity.AssumedRole(roleId, roleArn, roleName, instance.instanceId(),
                account.id(), kit.ids().accessKeyId(false), new Identity.Session(start - 300_000L, false), null);
        ScenarioRecorder rec = new ScenarioRecorder(ID);
        rec.step("from-instance", "The application on the instance uses its role credentials from the instance's "
                + "public address.");
        rec.step("outside-aws", "The same session credentials are used from an address outside AWS.");
        rec.principal(session.arn());
        long outside = start + (long) (spanMillis * 0.57);
        long t = start;
        String agent = UserAgents.LAMBDA_PYTHON.replace("exec-env/AWS_Lambda_python3.12 ", "");
        int i = 0;
        while (t < outside) {
            Api api = ROUTINE[i++ % ROUTINE.length];
            rec.add("from-instance", kit.call(api, t, session, instance.publicIp(), agent,
                    kit.target(account, instance.region(), null, null, null, t)).build());
            t += Math.max(60_000L, spanMillis / 60) + kit.gap(0, 60);
        }
        t = outside;
        for (Api api : STOLEN) {
            rec.add("outside-aws", kit.call(api, t, session, OUTSIDE_IP, UserAgents.PEOPLE_CLI.get(2),
                    kit.target(account, instance.region(), null, null, null, t)).build());
            t += kit.gap(5, 20);
        }
        Scenario summary = rec.summary("Instance credentials used outside AWS",
                "Role session " + instance.instanceId() + " of " + roleName + " (the instance's own credentials) is used "
                        + "from " + instance.publicIp() + ", the instance's address, and later from " + OUTSIDE_IP
                        + ". Expected detection: UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS.",
                true, account.id());
        return new Planned(summary, rec.records());
    }
}
