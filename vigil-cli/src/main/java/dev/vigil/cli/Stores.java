package dev.vigil.cli;

import dev.vigil.hub.FindingStore;
import dev.vigil.hub.StoreException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the workspace store for the query commands, with messages that say what to do. */
final class Stores {

    private Stores() {
    }

    static FindingStore open(Path workspace) {
        if (!Files.isDirectory(workspace)) {
            throw new UserError("no workspace at " + workspace + ": run 'vigil scan' first, or point --workspace "
                    + "(or VIGIL_WORKSPACE) at one");
        }
        try {
            return FindingStore.open(workspace);
        } catch (StoreException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
