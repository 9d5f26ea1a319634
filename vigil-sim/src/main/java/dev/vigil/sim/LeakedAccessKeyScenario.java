package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Estate.Bucket;

import java.util.List;

import static dev.vigil.sim.Api.*;
import static dev.vigil.sim.Json.obj;

/**
 * An IAM user's long-term access key is used from an address it never used: the caller checks who it is,
 * enumerates IAM, S3, EC2 and CloudTrail (hitting many permission errors), stops the prod account's trail,
 * creates an administrator backdoor user with keys and a console password, and with the new key lists the
 * buckets and downloads the customer-data bucket.
 */
final class LeakedAccessKeyScenario implements ScenarioScript {

    static final String ID = "leaked-access-key";
    static final int EXFILTRATED_OBJECTS = 180;
    private static final List<String> BACKDOOR_NAMES = List.of("svc-backup-sync", "ops-automation", "metrics-exporter");

    /** The reconnaissance calls, in the order an enumeration script makes them; true = denied. */
    private static final List<Object[]> DISCOVERY = List.of(
            new Object[] {LIST_USERS, false}, new Object[] {LIST_ROLES, false},
            new Object[] {GET_ACCOUNT_AUTHORIZATION_DETAILS, true}, new Object[] {LIST_POLICIES, false},
            new Object[] {LIST_GROUPS, false}, new Object[] {GET_ACCOUNT_SUMMARY, false},
            new Object[] {LIST_ACCESS_KEYS, false}, new Object[] {GET_USER, false},
            new Object[] {LIST_ATTACHED_USER_POLICIES, false}, new Object[] {GET_ACCOUNT_PASSWORD_POLICY, false},
            new Object[] {LIST_MFA_DEVICES, false}, new Object[] {LIST_BUCKETS, false},
            new Object[] {GET_BUCKET_POLICY, true}, new Object[] {GET_BUCKET_ACL, true},
            new Object[] {GET_BUCKET_LOGGING, true}, new Object[] {GET_BUCKET_VERSIONING, true},
            new Object[] {GET_BUCKET_ENCRYPTION, true}, new Object[] {GET_PUBLIC_ACCESS_BLOCK, true},
            new Object[] {DESCRIBE_INSTANCES, true}, new Object[] {DESCRIBE_SECURITY_GROUPS, true},
            new Object[] {DESCRIBE_VPCS, true}, new Object[] {DESCRIBE_SUBNETS, true},
            new Object[] {DESCRIBE_REGIONS, true}, new Object[] {DESCRIBE_SNAPSHOTS, true},
            new Object[] {DESCRIBE_IMAGES, true}, new Object[] {DESCRIBE_KEY_PAIRS, true},
            new Object[] {DESCRIBE_ADDRESSES, true}, new Object[] {DESCRIBE_TRAILS, false},
            new Object[] {LIST_TRAILS, false}, new Object[] {GET_TRAIL_STATUS, false},
            new Object[] {GET_EVENT_SELECTORS, false}, new Object[] {LIST_FUNCTIONS, true},
            new Object[] {LIST_KEYS, true}, new Object[] {LIST_SECRETS, true});

    private final String attackerIp;

    LeakedAccessKeyScenario(String attackerIp) {
        this.attackerIp = attackerIp;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double position() {
        return 0.62;
    }

    @Override
    public long maxDurationMillis() {
        return 35 * 60_000L;
    }

    @Override
    public Planned run(long start, ScenarioKit kit) {
        Principal user = kit.estate.cast().leakedKeyUser();
        Bucket bucket = kit.estate.cast().sensitiveBucket();
        Estate.Trail trail = kit.estate.cast().accountTrail();
        Account account = user.account();
        String agent = UserAgents.ATTACKER_SDK;
        Identity victim = new Identity.IamUser(user.principalId(), user.arn(), account.id(), user.accessKeyId(),
                user.name(), null);
        ScenarioRecorder rec = new ScenarioRecorder(ID);
        rec.step("get-caller-identity", "The leaked key is tried from an address the user never used.");
        rec.step("discovery", "Rapid enumeration of IAM, S3, EC2, CloudTrail, Lambda, KMS and Secrets Manager; "
                + "many calls are denied.");
        rec.step("stop-logging", "The prod account's own trail is stopped to hide what follows.");
        rec.step("create-user", "A backdoor IAM user is created.");
        rec.step("attach-admin-policy", "AdministratorAccess is attached to the backdoor user.");
        rec.step("create-access-key", "An access key is created for the backdoor user.");
        rec.step("create-login-profile", "A console password is set for the backdoor user.");
        rec.step("list-buckets", "The new key lists the buckets.");
        rec.step("exfiltration", "The new key downloads " + EXFILTRATED_OBJECTS + " objects from the customer-data "
                + "bucket within minutes.");
        rec.principal(user.arn());

        long t = start;
        rec.add("get-caller-identity", kit.call(GET_CALLER_IDENTITY, t, victim, attackerIp, agent,
                kit.target(account, Estate.HOME_REGION, null, null, null, t)).build());
        t += kit.gap(20, 40);
        for (Object[] call : DISCOVERY) {
            Api api = (Api) call[0];
            boolean denied = (Boolean) call[1];
            TrailRecord.Builder b = kit.call(api, t, victim, attackerIp, agent,
                    kit.target(account, Estate.HOME_REGION, null, bucket, user.name(), t));
            if (denied) {
                RecordFactory.deny(b, api, user.arn());
            }
            rec.add("discovery", b.build());
            t += kit.gap(2, 6);
        }
        // the script walks the other regions for instances too
        for (String region : kit.estate.regions().subList(1, kit.estate.regions().size())) {
            TrailRecord.Builder b = kit.call(DESCRIBE_INSTANCES, t, victim, attackerIp, agent,
                    kit.target(account, region, null, null, null, t));
            RecordFactory.deny(b, DESCRIBE_INSTANCES, user.arn());
            rec.add("discovery", b.build());
            t += kit.gap(2, 6);
        }

        t += kit.gap(150, 240);
        rec.add("stop-logging", kit.change(STOP_LOGGING, t, victim, account.id(), trail.region(), attackerIp, agent,
                obj("name", trail.arn()), null).build());

        String backdoor = BACKDOOR_NAMES.get(kit.random.nextInt(BACKDOOR_NAMES.size()));
        String backdoorArn = "arn:aws:iam::" + account.id() + ":user/" + backdoor;
        String backdoorId = kit.ids().principalId(false);
        String newKey = kit.ids().accessKeyId(true);
        t += kit.gap(90, 150);
        rec.add("create-user", kit.change(CREATE_USER, t, victim, account.id(), Estate.HOME_REGION, attackerIp, agent,
                obj("userName", backdoor), obj("user", obj("path", "/", "userName", backdoor, "userId", backdoorId,
                        "arn", backdoorArn, "createDate", TimeText.iamDisplay(t)))).build());
        t += kit.gap(8, 20);
        rec.add("attach-admin-policy", kit.change(ATTACH_USER_POLICY, t, victim, account.id(), Estate.HOME_REGION,
                attackerIp, agent, obj("userName", backdoor, "policyArn",
                        "arn:aws:iam::aws:policy/AdministratorAccess"), null).build());
        t += kit.gap(5, 15);
        rec.add("create-access-key", kit.change(CREATE_ACCESS_KEY, t, victim, account.id(), Estate.HOME_REGION,
                attackerIp, agent, obj("userName", backdoor), obj("accessKey", obj("userName", backdoor,
                        "accessKeyId", newKey, "status", "Active", "createDate", TimeText.iamDisplay(t)))).build());
        t += kit.gap(10, 25);
        rec.add("create-login-profile", kit.change(CREATE_LOGIN_PROFILE, t, victim, account.id(), Estate.HOME_REGION,
                attackerIp, agent, obj("userName", backdoor, "passwordResetRequired", false),
                obj("loginProfile", obj("userName", backdoor, "createDate", TimeText.iamDisplay(t),
                        "passwordResetRequired", false))).build());

        Identity intruder = new Identity.IamUser(backdoorId, backdoorArn, account.id(), newKey, backdoor, null);
        rec.principal(backdoorArn);
        t += kit.gap(120, 200);
        rec.add("list-buckets", kit.call(LIST_BUCKETS, t, intruder, attackerIp, agent,
                kit.target(account, Estate.HOME_REGION, null, bucket, null, t)).build());
        t += kit.gap(30, 60);
        // yesterday's export files
        String day = new TimeText().iso(start - 86_400_000L).substring(0, 10).replace('-', '/');
        for (int part = 1; part <= EXFILTRATED_OBJECTS; part++) {
            String key = "exports/customers/" + day + "/part-" + String.format("%05d", part) + ".csv.gz";
            long bytes = 2_000_000L + kit.random.nextInt(38_000_000);
            Payloads.Target target = new Payloads.Target(account, bucket.region(), null, bucket, key, bytes, null,
                    trail, t);
            rec.add("exfiltration", kit.call(GET_OBJECT, t, intruder, attackerIp, agent, target).build());
            t += kit.gap(1, 2);
        }
        Scenario summary = rec.summary("Leaked access key: discovery, trail stopped, backdoor user, exfiltration",
                "The long-term key of IAM user " + user.name() + " is used from " + attackerIp + ", an address it never"
                        + " used (its own traffic comes from the office range). Expected detections: unusual source "
                        + "address for a key, reconnaissance burst with access-denied errors, CloudTrail stopped, IAM "
                        + "user created with administrator policy, access key and console password for a new user, "
                        + "bulk S3 download by one principal.", true, account.id());
        return new Planned(summary, rec.records());
    }
}
