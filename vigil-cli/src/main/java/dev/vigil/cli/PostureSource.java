package dev.vigil.cli;

import dev.vigil.live.LiveCollection;
import dev.vigil.live.LiveCollectionException;
import dev.vigil.live.LiveCollector;
import dev.vigil.live.LiveOptions;
import dev.vigil.live.SnapshotWriter;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.RootUse;
import dev.vigil.posture.input.PostureInput;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.supplement.Supplements;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where a posture run's estate comes from: offline files, or the AWS API (plus any files given beside it). */
final class PostureSource {

    /**
     * The estate and how it was read.
     *
     * @param estate the estate the checks judge
     * @param input  what the offline readers read (for live runs, the files given beside --live, possibly none)
     * @param origin one line saying where the estate came from
     */
    record Loaded(Estate estate, PostureInput input, String origin) {
        boolean partial() {
            return input.summary().partial();
        }
    }

    private PostureSource() {
    }

    static Loaded offline(List<Path> paths, Path policy, Instant now) {
        PostureInput input = PostureInputs.read(paths, policy);
        if (input.inventory().isEmpty() && input.supplements().isEmpty()) {
            throw new UserError("no AWS Config files or supplementary exports found under " + paths
                    + " (docs/posture-input.md describes the layout)");
        }
        Estate estate = new Estate(input.inventory(), input.supplements(), input.policy(), now, input.rootUses());
        return new Loaded(estate, input, PostureInputs.summaryLine(input.summary()));
    }

    /** Options for reading s3:// inputs: the --live credentials when given, else the default chain. */
    static LiveOptions s3Options(PostureLiveOptions o) {
        LiveOptions options = LiveOptions.defaults();
        if (o != null && o.profile != null) {
            options = options.withProfile(o.profile);
        }
        if (o != null && o.endpoint != null) {
            // s3:// inputs go where the API calls go (an emulator or a proxy), as with the AWS CLI
            options = options.withEndpoint(endpoint(o.endpoint));
        }
        return options;
    }

    static Loaded live(PostureLiveOptions o, List<Path> paths, Path policy, Instant now, PrintStream err) {
        PostureInput files = paths.isEmpty() && policy == null ? PostureInputs.read(List.of(), null)
                : PostureInputs.read(paths, policy);
        LiveOptions options = LiveOptions.defaults().withConcurrency(o.concurrency)
                .withAccounts(o.accounts).withRegions(o.regions)
                .withProgress(new LiveProgress(err, Terminal.isTty()))
                // Root use is looked up back from the evaluation time, as the offline checks judge it (--at).
                .withClock(Clock.fixed(now, ZoneOffset.UTC));
        if (o.profile != null) {
            options = options.withProfile(o.profile);
        }
        if (o.roleName != null) {
            options = options.withRoleName(o.roleName);
        }
        if (o.endpoint != null) {
            options = options.withEndpoint(endpoint(o.endpoint));
        }
        LiveLogging.routeTo(err);
        LiveCollection collected;
        try {
            collected = new LiveCollector(options).collect();
        } catch (LiveCollectionException e) {
            throw new UserError(e.getMessage(), e);
        }
        if (o.save != null) {
            try {
                List<String> written = SnapshotWriter.write(collected, o.save, now);
                err.println("vigil: saved " + written.size() + " files under " + o.save
                        + " (read them later with 'vigil posture " + o.save + "')");
            } catch (IOException e) {
                throw new UserError("cannot save the collected estate under " + o.save + ": " + e.getMessage(), e);
            }
        }
        Inventory inventory = collected.inventory();
        files.inventory().all().forEach(inventory::add);
        Supplements supplements = collected.supplements();
        files.supplements().all().forEach(supplements::add);
        // Root uses from CloudTrail's event history, plus any from CloudTrail files given beside --live.
        List<RootUse> rootUses = new ArrayList<>(collected.rootActivity());
        rootUses.addAll(files.rootUses());
        Estate estate = new Estate(inventory, supplements, files.policy(), now, rootUses);
        String origin = String.format(Locale.ROOT, "Read live: %,d resources, %,d API calls (%,d throttled and "
                + "retried)", inventory.size(), collected.calls(), collected.throttles());
        return new Loaded(estate, files, origin);
    }

    /** The SDK takes only an absolute http(s) URL with a host; anything else would fail on the first call. */
    static URI endpoint(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new UserError("--endpoint-url '" + url + "' is not an http(s) URL with a host, such as "
                    + "http://127.0.0.1:4566 or https://aws-proxy.example.internal");
        }
        return url;
    }

    /** Progress of a live collection on stderr: a rewritten line on a terminal, nothing otherwise. */
    private record LiveProgress(PrintStream err, boolean tty) implements dev.vigil.live.CollectorProgress {
        @Override
        public void onCall(int done, int known, String call, String failure) {
            if (!failure.isEmpty()) {
                err.println("vigil: " + dev.vigil.report.TerminalText.sanitize(call) + " failed: "
                        + dev.vigil.report.TerminalText.sanitize(failure) + " (its checks report ERROR)");
            } else if (tty) {
                synchronized (err) {
                    err.print("\r  call " + done + " of " + known + " so far");
                }
            }
        }
    }
}
