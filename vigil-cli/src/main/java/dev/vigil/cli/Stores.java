package dev.vigil.cli;

import dev.vigil.hub.FindingStore;

import java.nio.file.Path;

/** Opens the workspace store for the query commands, with messages that say what to do. */
final class Stores {

    private Stores() {
    }

    static FindingStore open(Path workspace) {
        return new StoreLocation(workspace, null).openExisting();
    }

    static FindingStore open(WorkspaceOption option) {
        return option.location().openExisting();
    }
}
