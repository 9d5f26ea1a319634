package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes what {@code aws <service> <operation> --output json} prints for every call the posture checks read, for
 * each account and enabled region of the simulated organisation:
 * {@code supplementary/<ACCOUNT>/<REGION or global>/<service>.<operation>[.<subject>].json}. A call that failed is
 * recorded as the CLI's error would be: {@code {"Error":{"Code":…,"Message":…}}} (Security Hub not enabled in one
 * place, and one deliberately denied call so the demo shows ERROR next to FAIL).
 *
 * <p>Timestamps follow AWS CLI v2: ISO 8601 with microseconds and {@code +00:00} for typed timestamps, and the
 * service's own strings for GuardDuty and Security Hub, which return text. The work is shared out by service
 * family: {@link IdentityExports}, {@link TrailExports}, {@link SecurityServiceExports}, {@link ResourceExports}.
 */
final class SupplementaryExport {

    static final String DIRECTORY = "supplementary";
    private static final long SALT = 0x737570706cL;

    private SupplementaryExport() {
    }

    /**
     * Writes the exports.
     *
     * @param knownDetectors GuardDuty detector ids already used by the findings export, keyed {@code account/region},
     *                       so both exports name the same detector
     * @return the files written, in writing order
     */
    static List<Path> write(Path outDir, PostureOrg org, long seed, Map<String, String> knownDetectors) {
        CliExportSink sink = new CliExportSink(outDir.resolve(DIRECTORY));
        IdentityExports identity = new IdentityExports(org, sink);
        TrailExports trails = new TrailExports(org, sink, new Ids(Ids.mix(seed, SALT)));
        SecurityServiceExports services = new SecurityServiceExports(org, sink, knownDetectors);
        ResourceExports resources = new ResourceExports(org, sink);
        for (Account a : org.estate().accounts()) {
            identity.write(a);
            for (String region : org.regions()) {
                trails.write(a, region);
                services.write(a, region);
                resources.write(a, region);
            }
        }
        return sink.written();
    }
}
