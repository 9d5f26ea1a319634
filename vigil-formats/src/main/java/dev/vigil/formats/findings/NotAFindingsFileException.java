package dev.vigil.formats.findings;

/**
 * The file's content is not findings in a format Vigil reads (GuardDuty, ASFF, OCSF): nothing was imported from
 * it. The message starts with "not a findings file: " and names the file and what was found instead.
 */
public final class NotAFindingsFileException extends Exception {
    NotAFindingsFileException(String file, String why) {
        super("not a findings file: " + file + ": " + why);
    }
}
