package dev.vigil.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --workspace} option shared by every command that touches the findings store. */
final class WorkspaceOption {
    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = "${VIGIL_WORKSPACE:-.vigil}",
            description = "Workspace directory holding the findings database (default: ${DEFAULT-VALUE}; "
                    + "env VIGIL_WORKSPACE).")
    Path dir;
}
