package dev.vigil.sim;

import dev.vigil.sim.Principal.Kind;

import java.util.Arrays;

/**
 * Derives the temporary credentials a principal holds at a given time: which role session (name, ASIA key,
 * creation time) or console session it is in. Sessions follow from the seed, the principal and the time
 * alone, so an {@code AssumeRole} record and the calls made with the credentials it issued agree.
 *
 * <p>Keeps the last session per principal and mode to avoid rebuilding identities on every record; not
 * thread-safe.
 */
final class Sessions {

    private static final long CONSOLE_SESSION_MILLIS = 12 * 3_600_000L;

    private final long seed;
    private final long[] cachedEpoch;
    private final Identity[] cached;
    private final Identity[] fixed;

    Sessions(long seed, int principals) {
        this.seed = seed;
        this.cachedEpoch = new long[principals * 2];
        this.cached = new Identity[principals * 2];
        this.fixed = new Identity[principals];
        Arrays.fill(cachedEpoch, Long.MIN_VALUE);
    }

    /**
     * The identity of a principal's call at {@code time}.
     *
     * @param console whether the call comes from a console session (people only)
     */
    Identity identity(Principal p, long time, boolean console) {
        return switch (p.kind()) {
            case IAM_USER -> console ? iamConsole(p, time) : fixed(p);
            case SSO_USER, LAMBDA_ROLE, ECS_TASK_ROLE, CI_ROLE, CONFIG_ROLE -> role(p, time, console);
            case AWS_SERVICE, AWS_INTERNAL, WEB_IDENTITY -> fixed(p);
            case ROOT -> throw new IllegalArgumentException("root only signs in inside scenarios");
        };
    }

    /** Identities that do not change over time, built once so every record shares the object. */
    private Identity fixed(Principal p) {
        Identity id = fixed[p.index()];
        if (id == null) {
            id = switch (p.kind()) {
                case IAM_USER -> new Identity.IamUser(p.principalId(), p.arn(), p.accountId(), p.accessKeyId(),
                        p.name(), null);
                case AWS_SERVICE -> new Identity.AwsService(p.invokedBy());
                case AWS_INTERNAL -> new Identity.AwsInternal(p.accountId());
                case WEB_IDENTITY -> new Identity.WebIdentity(p.arn() + ":sts.amazonaws.com:" + p.sessionName(),
                        p.sessionName(), p.arn());
                default -> throw new IllegalArgumentException(p.kind() + " identities change with the session");
            };
            fixed[p.index()] = id;
        }
        return id;
    }

    /** The role session {@code p} is in at {@code time}. */
    Identity.AssumedRole role(Principal p, long time, boolean console) {
        if (!p.kind().role()) {
            throw new IllegalArgumentException(p.name() + " is not a role");
        }
        long period = p.kind().sessionMillis;
        long phase = Math.floorMod(Ids.mix(seed, p.index(), 0x50L), period);
        long epoch = Math.floorDiv(time - phase, period);
        int slot = p.index() * 2 + (console ? 1 : 0);
        if (cachedEpoch[slot] != epoch) {
            Ids sessionIds = new Ids(Ids.mix(seed, p.index(), epoch, console ? 1 : 0));
            String sessionName = p.sessionName() != null ? p.sessionName() : sessionIds.hex(32);
            long created = phase + epoch * period;
            cached[slot] = new Identity.AssumedRole(p.principalId(), p.arn(), p.name(), sessionName, p.accountId(),
                    sessionIds.accessKeyId(false), new Identity.Session(created, false), p.invokedBy());
            cachedEpoch[slot] = epoch;
        }
        return (Identity.AssumedRole) cached[slot];
    }

    private Identity.IamUser iamConsole(Principal p, long time) {
        long phase = Math.floorMod(Ids.mix(seed, p.index(), 0x43L), CONSOLE_SESSION_MILLIS);
        long epoch = Math.floorDiv(time - phase, CONSOLE_SESSION_MILLIS);
        int slot = p.index() * 2 + 1;
        if (cachedEpoch[slot] != epoch) {
            Ids sessionIds = new Ids(Ids.mix(seed, p.index(), epoch, 2));
            cached[slot] = new Identity.IamUser(p.principalId(), p.arn(), p.accountId(),
                    sessionIds.accessKeyId(false), p.name(),
                    new Identity.Session(phase + epoch * CONSOLE_SESSION_MILLIS, p.mfa()));
            cachedEpoch[slot] = epoch;
        }
        return (Identity.IamUser) cached[slot];
    }

    /** True for kinds whose identity carries {@code invokedBy}, which CloudTrail records without TLS details. */
    static boolean serviceActor(Kind kind) {
        return kind == Kind.CONFIG_ROLE || kind == Kind.AWS_SERVICE || kind == Kind.AWS_INTERNAL;
    }
}
