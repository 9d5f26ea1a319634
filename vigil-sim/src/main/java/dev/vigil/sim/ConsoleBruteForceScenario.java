package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;

import static dev.vigil.sim.Api.*;
import static dev.vigil.sim.Json.obj;

/**
 * Password guessing against a dormant IAM user without MFA: a burst of failed console sign-ins from one
 * address (some with a mistyped user name, which CloudTrail hides), then a successful sign-in without MFA
 * and a look around from the new console session.
 */
final class ConsoleBruteForceScenario implements ScenarioScript {

    static final String ID = "console-brute-force";
    static final int ATTEMPTS = 26;
    static final String HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";

    private final String attackerIp;

    ConsoleBruteForceScenario(String attackerIp) {
        this.attackerIp = attackerIp;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double position() {
        return 0.30;
    }

    @Override
    public long maxDurationMillis() {
        return 12 * 60_000L;
    }

    @Override
    public Planned run(long start, ScenarioKit kit) {
        Principal user = kit.estate.cast().bruteForceTarget();
        Account account = user.account();
        String agent = UserAgents.ATTACKER_BROWSER;
        ScenarioRecorder rec = new ScenarioRecorder(ID);
        rec.step("failed-logins", ATTEMPTS + " failed console sign-ins from one address within five minutes; "
                + "mistyped user names appear as " + HIDDEN + ".");
        rec.step("successful-login", "The password is guessed: a console sign-in without MFA.");
        rec.step("post-login-discovery", "A first look around from the new console session.");
        rec.principal(user.arn());

        long t = start;
        for (int i = 0; i < ATTEMPTS; i++) {
            boolean mistyped = i % 5 == 3;
            Identity who = mistyped
                    ? new Identity.FailedSignIn(null, account.id(), HIDDEN)
                    : new Identity.FailedSignIn(user.principalId(), account.id(), user.name());
            TrailRecord.Builder b = kit.factory.start(CONSOLE_LOGIN, t, who, account.id(), Estate.HOME_REGION,
                    attackerIp, agent, "signin.aws.amazon.com");
            b.errorMessage = "Failed authentication";
            b.responseElements = obj("ConsoleLogin", "Failure");
            b.additionalEventData = obj("LoginTo", ScenarioKit.LOGIN_TO, "MobileVersion", "No", "MFAUsed", "No");
            rec.add("failed-logins", b.build());
            t += kit.gap(5, 9);
        }
        t += kit.gap(10, 30);
        long login = t;
        TrailRecord.Builder success = kit.factory.start(CONSOLE_LOGIN, t,
                new Identity.IamUser(user.principalId(), user.arn(), account.id(), null, user.name(), null),
                account.id(), Estate.HOME_REGION, attackerIp, agent, "signin.aws.amazon.com");
        success.responseElements = obj("ConsoleLogin", "Success");
        success.additionalEventData = obj("LoginTo", ScenarioKit.LOGIN_TO, "MobileVersion", "No", "MFAUsed", "No");
        rec.add("successful-login", success.build());

        Identity session = new Identity.IamUser(user.principalId(), user.arn(), account.id(),
                kit.ids().accessKeyId(false), user.name(), new Identity.Session(login, false));
        for (Api api : new Api[] {LIST_USERS, LIST_BUCKETS, DESCRIBE_INSTANCES}) {
            t += kit.gap(30, 90);
            TrailRecord.Builder b = kit.call(api, t, session, attackerIp, agent,
                    kit.target(account, Estate.HOME_REGION, null, kit.estate.bucketsIn(account).get(0), null, t));
            b.sessionCredentialFromConsole = true;
            rec.add("post-login-discovery", b.build());
        }
        Scenario summary = rec.summary("Console brute force and sign-in without MFA",
                "Failed console sign-ins against IAM user " + user.name() + " from " + attackerIp + ", then a "
                        + "successful sign-in without MFA. Expected detections: console sign-in failures burst, "
                        + "console sign-in without MFA, success after failures from the same address.",
                true, account.id());
        return new Planned(summary, rec.records());
    }
}
