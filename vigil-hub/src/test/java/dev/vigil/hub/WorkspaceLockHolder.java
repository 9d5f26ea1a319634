package dev.vigil.hub;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link FindingStoreOpenTest}: opens a workspace, says "ready", and keeps it open until
 * its standard input closes.
 */
public final class WorkspaceLockHolder {

    private WorkspaceLockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (FindingStore store = FindingStore.open(Path.of(args[0]))) {
            System.out.println("ready " + store.databaseFile());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our input
            }
        }
    }
}
