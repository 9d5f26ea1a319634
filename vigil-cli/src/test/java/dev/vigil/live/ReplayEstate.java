package dev.vigil.live;

import java.net.URI;
import java.nio.file.Path;

/**
 * vigil-live's test {@link ReplayServer} and recorded estate, opened to the CLI's tests (the server is package-private
 * to its module): the CLI runs {@code vigil posture --live} against it end to end.
 */
public final class ReplayEstate implements AutoCloseable {

    /** The recorded organisation's accounts, and the access keys the server maps to them. */
    public static final String MANAGEMENT = EstateFiles.MANAGEMENT;
    public static final String MEMBER = EstateFiles.MEMBER;
    public static final String REGION = EstateFiles.REGION;
    public static final String MANAGEMENT_KEY = "AKIDMANAGEMENT";
    /** The role whose recorded AssumeRole answer hands out the member account's key. */
    public static final String ROLE = "VigilAudit";

    private final ReplayServer server;

    private ReplayEstate(ReplayServer server) {
        this.server = server;
    }

    public static ReplayEstate start() {
        return new ReplayEstate(ReplayServer.start(EstateFiles.estate("replay"))
                .account(MANAGEMENT_KEY, MANAGEMENT)
                .account("ASIAMEMBER", MEMBER));
    }

    /** The same estate as offline files (Config snapshots, supplementary exports, CloudTrail). */
    public static Path offlineFiles() {
        return EstateFiles.estate("offline");
    }

    public int port() {
        return server.endpoint().getPort();
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** How many calls the server answered. */
    public int calls() {
        return server.calls().size();
    }

    @Override
    public void close() {
        server.close();
    }
}
