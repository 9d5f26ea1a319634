package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Estate.Bucket;

import static dev.vigil.sim.Api.*;
import static dev.vigil.sim.Json.obj;

/**
 * A reporting user with settled habits — the same three read calls in the home region, from the office, with the same
 * CLI, every twenty minutes or so since the early morning — turns into something else after midday: from a new
 * network, with a new user agent, in a new region, it enumerates, creates itself an access key, attaches a policy and
 * downloads a burst of objects. Each of those steps is new for the principal on several axes at once.
 */
final class AnomalousBehaviourScenario implements ScenarioScript {

    static final String ID = "anomalous-behaviour";
    static final String NEW_NETWORK_IP = "203.0.113.250";
    private static final Api[] HABIT = {DESCRIBE_INSTANCES, LIST_BUCKETS, GET_CALLER_IDENTITY};
    static final int BURST = 40;
    /** The reporting user, an IAM user of the prod account that only this scenario uses. */
    static final String USER = "report-builder";

    private final long spanMillis;

    AnomalousBehaviourScenario(long spanMillis) {
        this.spanMillis = spanMillis;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double position() {
        return 0.04;
    }

    @Override
    public long maxDurationMillis() {
        return (long) (spanMillis * 0.62);
    }

    @Override
    public Planned run(long start, ScenarioKit kit) {
        Identity.IamUser id = ApiThreats.dedicatedUser(kit, USER);
        Account account = kit.estate.account("prod");
        Bucket bucket = kit.estate.cast().sensitiveBucket();
        String office = kit.estate.corporateIps().get(1 % kit.estate.corporateIps().size());
        String habitAgent = UserAgents.PEOPLE_CLI.get(1);
        String newRegion = kit.estate.regions().get(1);
        ScenarioRecorder rec = new ScenarioRecorder(ID);
        rec.step("habit", "The same read calls from the office, in the home region, with the same CLI.");
        rec.step("discovery", "From a new network and client, enumeration in a region the user never used.");
        rec.step("persistence", "The user creates itself a second access key.");
        rec.step("privilege-escalation", "The user attaches a managed policy to itself.");
        rec.step("collection", BURST + " object downloads in a few minutes.");
        rec.principal(id.arn());
        long turn = start + (long) (spanMillis * 0.58);
        long t = start;
        int i = 0;
        while (t < turn) {
            rec.add("habit", kit.call(HABIT[i++ % HABIT.length], t, id, office, habitAgent,
                    kit.target(account, Estate.HOME_REGION, null, null, USER, t)).build());
            t += Math.max(60_000L, spanMillis / 72) + kit.gap(0, 120);
        }
        t = turn;
        String agent = ApiThreats.UNFAMILIAR_GO_TOOL;
        for (Api api : new Api[] {DESCRIBE_INSTANCES, DESCRIBE_SECURITY_GROUPS, DESCRIBE_VPCS, LIST_USERS,
                LIST_ROLES}) {
            rec.add("discovery", kit.call(api, t, id, NEW_NETWORK_IP, agent,
                    kit.target(account, newRegion, null, null, USER, t)).build());
            t += kit.gap(4, 12);
        }
        t += kit.gap(30, 60);
        rec.add("persistence", kit.change(CREATE_ACCESS_KEY, t, id, account.id(), newRegion, NEW_NETWORK_IP, agent,
                obj("userName", USER), obj("accessKey", obj("userName", USER,
                        "accessKeyId", kit.ids().accessKeyId(true), "status", "Active",
                        "createDate", TimeText.iamDisplay(t)))).build());
        t += kit.gap(20, 40);
        rec.add("privilege-escalation", kit.change(ATTACH_USER_POLICY, t, id, account.id(), newRegion, NEW_NETWORK_IP,
                agent, obj("userName", USER, "policyArn", "arn:aws:iam::aws:policy/AmazonS3FullAccess"),
                null).build());
        t += kit.gap(60, 120);
        String day = new TimeText().iso(start).substring(0, 10).replace('-', '/');
        for (int part = 1; part <= BURST; part++) {
            String key = "exports/customers/" + day + "/summary-" + String.format("%04d", part) + ".json";
            Payloads.Target target = new Payloads.Target(account, bucket.region(), null, bucket, key,
                    200_000L + kit.random.nextInt(5_000_000), null, kit.estate.cast().accountTrail(), t);
            rec.add("collection", kit.call(GET_OBJECT, t, id, NEW_NETWORK_IP, agent, target).build());
            t += kit.gap(2, 5);
        }
        Scenario summary = rec.summary("A settled principal behaves anomalously",
                "IAM user " + USER + " calls the same few read APIs from the office all morning; after "
                        + "midday it calls new APIs (enumeration in " + newRegion + ", CreateAccessKey, "
                        + "AttachUserPolicy, a burst of GetObject) from " + NEW_NETWORK_IP + " with a new user agent. "
                        + "Expected detections: the IAMUser/AnomalousBehavior family.", true, account.id());
        return new Planned(summary, rec.records());
    }
}
