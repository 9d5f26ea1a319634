package dev.vigil.sim;

import dev.vigil.sim.Estate.Bucket;
import dev.vigil.sim.Estate.Workload;
import dev.vigil.sim.Principal.Behaviour;
import dev.vigil.sim.Principal.Kind;
import dev.vigil.sim.TrailRecord.Resource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.vigil.sim.Json.obj;

/**
 * The everyday traffic of the estate, produced one record at a time in event-time order: services reading
 * configuration and objects, pipelines deploying, people browsing the console, AWS services assuming roles.
 *
 * <p>Benign traffic never calls a monitored change API and never uses the root user; {@link BenignGuard}
 * keeps bursts below alerting thresholds. Work-hour principals (people, pipelines) are mostly active
 * 08:00-18:00 UTC.
 */
final class BenignActivity {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final double NIGHT_FACTOR = 0.04;
    private static final String LOGIN_TO = "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true";

    private final Estate estate;
    private final long count;
    private final long start;
    private final double spacing;
    private final SplittableRandom random;
    private final Sessions sessions;
    private final Payloads payloads;
    private final RecordFactory factory;
    private final BenignGuard guard;
    private final List<Principal> active;
    private final double[] dayWeights;
    private final double[] nightWeights;
    private final Estate.Trail orgTrail;
    private final TimeText timeText = new TimeText();
    /** Per principal: workloads it may touch and buckets it may use, precomputed off the hot path. */
    private final List<List<Workload>> workloadChoices;
    private final List<List<Bucket>> bucketChoices;
    /**
     * Guard slot per principal: people sharing an SSO role share one, because a detection grouping by the
     * role (session issuer) sees their calls together.
     */
    private final int[] guardSlot;
    private long produced;

    BenignActivity(Estate estate, long seed, long count, long startMillis, long spanMillis) {
        this.estate = estate;
        this.count = count;
        this.start = startMillis;
        this.spacing = (double) spanMillis / count;
        Ids ids = new Ids(Ids.mix(seed, 0x42656eL));
        this.random = ids.random();
        this.sessions = new Sessions(seed, estate.principals().size());
        this.payloads = new Payloads(ids);
        this.factory = new RecordFactory(ids);
        this.guard = new BenignGuard(estate.principals().size());
        this.active = estate.principals().stream().filter(p -> p.behaviour().weight() > 0).toList();
        this.dayWeights = cumulative(false);
        this.nightWeights = cumulative(true);
        this.orgTrail = estate.trails().stream().filter(Estate.Trail::organization).findFirst().orElseThrow();
        this.workloadChoices = estate.principals().stream().map(p -> p.behaviour().workload() != null
                ? List.of(p.behaviour().workload()) : estate.workloadsIn(p.account())).toList();
        this.bucketChoices = estate.principals().stream().map(this::bucketChoices).toList();
        this.guardSlot = new int[estate.principals().size()];
        Map<String, Integer> firstByArn = new HashMap<>();
        for (Principal p : estate.principals()) {
            guardSlot[p.index()] = p.arn() == null ? p.index() : firstByArn.computeIfAbsent(p.arn(), a -> p.index());
        }
    }

    /**
     * A workload's own bucket; otherwise the account's ordinary buckets (pipelines use the Terraform state
     * bucket). The customer-data bucket is only ever read by its own workload and by the attacker.
     */
    private List<Bucket> bucketChoices(Principal p) {
        if (p.behaviour().workload() != null) {
            return List.of(p.behaviour().workload().bucket());
        }
        List<Bucket> ordinary = estate.bucketsIn(p.account()).stream().filter(b -> !b.sensitive()).toList();
        if (p.kind() == Kind.CI_ROLE) {
            List<Bucket> state = ordinary.stream().filter(b -> b.name().endsWith("-terraform-state")).toList();
            return state.isEmpty() ? ordinary : state;
        }
        return ordinary;
    }

    private double[] cumulative(boolean night) {
        double[] c = new double[active.size()];
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            Behaviour b = active.get(i).behaviour();
            sum += b.weight() * (night && b.workHours() ? NIGHT_FACTOR : 1.0);
            c[i] = sum;
        }
        return c;
    }

    boolean hasNext() {
        return produced < count;
    }

    /** The next benign record; times never decrease. */
    TrailRecord next() {
        // spread evenly with jitter inside each slot: monotonic, and exactly `count` records over the span
        long time = start + (long) Math.floor((produced + random.nextDouble()) * spacing);
        produced++;
        Principal p = pickPrincipal(time);
        return switch (p.kind()) {
            case AWS_SERVICE -> assumeRole(p, time);
            case WEB_IDENTITY -> assumeRoleWithWebIdentity(p, time);
            case AWS_INTERNAL -> rotateKey(p, time);
            default -> call(p, time);
        };
    }

    private Principal pickPrincipal(long time) {
        long hour = Math.floorMod(time, DAY) / HOUR;
        double[] weights = hour >= 8 && hour < 18 ? dayWeights : nightWeights;
        double x = random.nextDouble() * weights[weights.length - 1];
        int lo = 0;
        int hi = weights.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (weights[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return active.get(lo);
    }

    private TrailRecord call(Principal p, long time) {
        Behaviour b = p.behaviour();
        Api api = b.repertoire().pick(random);
        if (api == Api.CONSOLE_LOGIN) {
            return consoleLogin(p, time);
        }
        if (api == Api.GET_OBJECT && !guard.allowGetObject(guardSlot[p.index()], time)) {
            api = b.repertoire().pickOther(random, Api.GET_OBJECT); // it has read enough objects for now
            if (api == Api.CONSOLE_LOGIN) {
                return consoleLogin(p, time);
            }
        }
        boolean console = b.browserAgent() != null && random.nextDouble() < b.consoleShare();
        Payloads.Target target = target(p, api, pickRegion(b), time);
        String region = api == Api.LIST_BUCKETS ? Estate.HOME_REGION
                : api.service == Service.S3 ? target.bucket().region() : target.region();
        Identity identity = sessions.identity(p, time, console);
        boolean serviceActor = Sessions.serviceActor(p.kind());
        String ip = pick(b.sourceIps());
        String agent = console ? b.browserAgent() : pick(b.cliAgents());
        String host = serviceActor ? null : Payloads.host(api, region, target.bucket());
        TrailRecord.Builder r = factory.start(api, time, identity, p.accountId(), region, ip, agent, host);
        r.requestParameters = payloads.request(api, target);
        r.responseElements = payloads.response(api, target);
        r.resources = payloads.resources(api, target);
        r.additionalEventData = payloads.additional(api, target);
        r.sessionCredentialFromConsole = console;
        double denyChance = p.kind().human() ? 0.006 : 0.0005;
        if (api.access == Api.Access.READ && random.nextDouble() < denyChance
                && guard.allowDenial(guardSlot[p.index()], time)) {
            RecordFactory.deny(r, api, callerArn(identity));
        }
        return r.build();
    }

    private TrailRecord consoleLogin(Principal p, long time) {
        Behaviour b = p.behaviour();
        String ip = pick(b.sourceIps());
        if (p.kind() == Kind.IAM_USER) {
            if (random.nextDouble() < 0.04 && guard.allowConsoleFailure(guardSlot[p.index()], ip, time)) {
                TrailRecord.Builder r = factory.start(Api.CONSOLE_LOGIN, time,
                        new Identity.FailedSignIn(p.principalId(), p.accountId(), p.name()), p.accountId(),
                        Estate.HOME_REGION, ip, b.browserAgent(), "signin.aws.amazon.com");
                r.errorMessage = "Failed authentication";
                r.responseElements = obj("ConsoleLogin", "Failure");
                r.additionalEventData = obj("LoginTo", LOGIN_TO, "MobileVersion", "No", "MFAUsed", "No");
                return r.build();
            }
            TrailRecord.Builder r = factory.start(Api.CONSOLE_LOGIN, time,
                    new Identity.IamUser(p.principalId(), p.arn(), p.accountId(), null, p.name(), null),
                    p.accountId(), Estate.HOME_REGION, ip, b.browserAgent(), "signin.aws.amazon.com");
            r.responseElements = obj("ConsoleLogin", "Success");
            r.additionalEventData = obj("LoginTo", LOGIN_TO, "MobileVersion", "No", "MFAIdentifier",
                    "arn:aws:iam::" + p.accountId() + ":mfa/" + p.name(), "MFAUsed", "Yes");
            return r.build();
        }
        // SSO federation: MFA happened at the identity provider, so the sign-in itself says MFAUsed "No"
        TrailRecord.Builder r = factory.start(Api.CONSOLE_LOGIN, time, sessions.identity(p, time, true),
                p.accountId(), Estate.HOME_REGION, ip, b.browserAgent(), "signin.aws.amazon.com");
        r.responseElements = obj("ConsoleLogin", "Success");
        r.additionalEventData = obj("LoginTo", LOGIN_TO, "MobileVersion", "No", "MFAUsed", "No");
        return r.build();
    }

    private TrailRecord assumeRole(Principal service, long time) {
        Principal role = pick(service.behaviour().targets());
        Identity.AssumedRole session = sessions.role(role, time, false);
        TrailRecord.Builder r = factory.start(Api.ASSUME_ROLE, time, sessions.identity(service, time, false),
                service.accountId(), Estate.HOME_REGION, service.invokedBy(), service.invokedBy(), null);
        r.requestParameters = obj("roleArn", role.arn(), "roleSessionName", session.sessionName());
        r.responseElements = credentials(session, time, null, null);
        r.resources = List.of(new Resource(role.arn(), role.accountId(), "AWS::IAM::Role"));
        return r.build();
    }

    private TrailRecord assumeRoleWithWebIdentity(Principal federation, long time) {
        Principal role = pick(federation.behaviour().targets());
        Identity.AssumedRole session = sessions.role(role, time, false);
        Behaviour b = federation.behaviour();
        TrailRecord.Builder r = factory.start(Api.ASSUME_ROLE_WITH_WEB_IDENTITY, time,
                sessions.identity(federation, time, false), federation.accountId(), Estate.HOME_REGION,
                pick(b.sourceIps()), pick(b.cliAgents()), Service.STS.host(Estate.HOME_REGION));
        r.requestParameters = obj("roleArn", role.arn(), "roleSessionName", session.sessionName(),
                "durationSeconds", 3600);
        r.responseElements = credentials(session, time, federation.sessionName(), federation.arn());
        r.resources = List.of(new Resource(role.arn(), role.accountId(), "AWS::IAM::Role"));
        return r.build();
    }

    private Object credentials(Identity.AssumedRole session, long time, String subject, String provider) {
        var credentials = obj("accessKeyId", session.accessKeyId(),
                "sessionToken", "IQoJb3JpZ2luX2Vj" + factory.ids().alnum(72),
                "expiration", TimeText.stsDisplay(time + HOUR));
        var user = obj("assumedRoleId", session.roleId() + ":" + session.sessionName(), "arn", session.arn());
        if (subject == null) {
            return obj("credentials", credentials, "assumedRoleUser", user);
        }
        return obj("credentials", credentials, "subjectFromWebIdentityToken", subject, "assumedRoleUser", user,
                "provider", provider, "audience", "sts.amazonaws.com");
    }

    private TrailRecord rotateKey(Principal kms, long time) {
        List<Workload> workloads = estate.workloadsIn(kms.account());
        Workload w = pick(workloads);
        TrailRecord.Builder r = factory.start(Api.ROTATE_KEY, time, sessions.identity(kms, time, false),
                kms.accountId(), w.region(), "AWS Internal", "AWS Internal", null);
        r.resources = List.of(new Resource(w.kmsKeyArn(), kms.accountId(), "AWS::KMS::Key"));
        r.serviceEventDetails = obj("rotationType", "AUTOMATIC", "keyId", w.kmsKeyId());
        return r.build();
    }

    private Payloads.Target target(Principal p, Api api, String region, long time) {
        List<Workload> workloads = workloadChoices.get(p.index());
        Workload w = workloads.isEmpty() ? null : pick(workloads);
        Bucket bucket = null;
        String key = null;
        long bytes = 0;
        if (api.service == Service.S3 || api == Api.GENERATE_DATA_KEY) {
            bucket = pick(bucketChoices.get(p.index()));
            if (api.dataEvent()) {
                String prefix = w != null && bucket == w.bucket() ? w.objectPrefix()
                        : bucket.name().endsWith("-terraform-state") ? "env:/platform" : "shared";
                String day = timeText.iso(time).substring(0, 10).replace('-', '/');
                key = prefix + "/" + day + "/" + factory.ids().hex(16) + (prefix.startsWith("exports") ? ".csv.gz" : ".json");
                // object sizes are spread over three orders of magnitude
                bytes = (long) (512 * Math.pow(2, random.nextDouble() * 13));
            }
        }
        String userName = p.kind() == Kind.IAM_USER ? p.name() : null;
        return new Payloads.Target(p.account(), region, w, bucket, key, bytes, userName, orgTrail, time);
    }

    private String pickRegion(Behaviour b) {
        List<String> regions = b.regions();
        if (regions.size() == 1 || random.nextDouble() < 0.75) {
            return regions.get(0);
        }
        return regions.get(1 + random.nextInt(regions.size() - 1));
    }

    private static String callerArn(Identity identity) {
        return switch (identity) {
            case Identity.IamUser u -> u.arn();
            case Identity.AssumedRole a -> a.arn();
            default -> "unknown";
        };
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
