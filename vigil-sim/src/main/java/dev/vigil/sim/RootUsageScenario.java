package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;

import static dev.vigil.sim.Api.*;
import static dev.vigil.sim.Json.obj;

/** The management account's root user signs in (with MFA) and makes a few calls: rare, always worth a look. */
final class RootUsageScenario implements ScenarioScript {

    static final String ID = "root-usage";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double position() {
        return 0.80;
    }

    @Override
    public long maxDurationMillis() {
        return 12 * 60_000L;
    }

    @Override
    public Planned run(long start, ScenarioKit kit) {
        Principal root = kit.estate.cast().root();
        Account account = root.account();
        String ip = kit.estate.corporateIps().get(0);
        String agent = UserAgents.BROWSERS.get(0);
        ScenarioRecorder rec = new ScenarioRecorder(ID);
        rec.step("console-login", "The root user signs in to the console with MFA.");
        rec.step("api-calls", "Account-level calls from the root console session.");
        rec.principal(root.arn());

        long t = start;
        TrailRecord.Builder login = kit.factory.start(CONSOLE_LOGIN, t, new Identity.Root(account.id(), "", null),
                account.id(), Estate.HOME_REGION, ip, agent, "signin.aws.amazon.com");
        login.responseElements = obj("ConsoleLogin", "Success");
        login.additionalEventData = obj("LoginTo", ScenarioKit.LOGIN_TO, "MobileVersion", "No", "MFAIdentifier",
                "arn:aws:iam::" + account.id() + ":mfa/root-account-mfa-device", "MFAUsed", "Yes");
        rec.add("console-login", login.build());

        Identity session = new Identity.Root(account.id(), kit.ids().accessKeyId(false),
                new Identity.Session(t, true));
        for (Api api : new Api[] {GET_ACCOUNT_SUMMARY, LIST_ACCESS_KEYS, GET_ACCOUNT_PASSWORD_POLICY}) {
            t += kit.gap(40, 150);
            TrailRecord.Builder b = kit.call(api, t, session, ip, agent,
                    kit.target(account, Estate.HOME_REGION, null, null, null, t));
            b.sessionCredentialFromConsole = true;
            rec.add("api-calls", b.build());
        }
        Scenario summary = rec.summary("Root user console sign-in",
                "The root user of the management account signs in with MFA from the office and reviews account "
                        + "settings. Expected detection: root user activity.", true, account.id());
        return new Planned(summary, rec.records());
    }
}
