package dev.vigil.cli;

import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options of {@code vigil posture --live}: AWS CLI-style credentials, scope and pacing. */
final class PostureLiveOptions {

    /**
     * Refuses the options that only mean something with --live when it is absent. {@code --profile} and
     * {@code --endpoint-url} also serve s3:// inputs, so they are accepted alone.
     */
    void requireLiveFor() {
        if (enabled) {
            return;
        }
        java.util.List<String> given = new java.util.ArrayList<>();
        if (roleName != null) {
            given.add("--role-name");
        }
        if (!accounts.isEmpty()) {
            given.add("--accounts");
        }
        if (!regions.isEmpty()) {
            given.add("--regions");
        }
        if (save != null) {
            given.add("--save");
        }
        if (!given.isEmpty()) {
            throw new UserError(String.join(", ", given) + " only work with --live (reading the estate through the "
                    + "AWS API); add --live or drop them");
        }
    }


    @Option(names = "--live", description = "Read the estate through the AWS API (AWS Config and the "
            + "services' describe/list/get calls) instead of, or besides, files. Credentials: the default chain "
            + "(environment, ~/.aws, SSO, instance role) or --profile.")
    boolean enabled;

    @Option(names = "--profile", paramLabel = "NAME", description = "A named profile from ~/.aws/config "
            + "(default: ${env:AWS_PROFILE} or the default chain).")
    String profile;

    @Option(names = "--role-name", paramLabel = "NAME", description = "Role to assume in each member account, e.g. "
            + "OrganizationAccountAccessRole or a read-only audit role (arn:aws:iam::ACCOUNT:role/NAME).")
    String roleName;

    @Option(names = "--accounts", paramLabel = "ID", split = ",", description = "Accounts to assess (default: every "
            + "ACTIVE account of the organisation when readable, else the caller's).")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--regions", paramLabel = "REGION", split = ",",
            description = "Regions to read (default: every region enabled in each account).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Account/region units read at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS API call to this endpoint "
            + "instead of the AWS ones, as the AWS CLI's --endpoint-url does: for testing against a local emulator or "
            + "recording, and for a proxy or gateway that forwards to AWS (e.g. through VPC endpoints). Calls are "
            + "still signed for their service and region; S3 Control calls go to ACCOUNT.HOST, so that name must "
            + "resolve too.")
    URI endpoint;

    @Option(names = "--save", paramLabel = "DIR", description = "Also save what was collected as offline files (Config "
            + "snapshots and supplementary/ exports) for a later 'vigil posture DIR' without credentials.")
    Path save;
}
