package dev.vigil.formats.input;

import java.nio.file.Path;

/**
 * A file to read.
 *
 * @param path    where it is
 * @param display how to name it in messages (the path as the user would recognise it)
 * @param size    size on disk in bytes
 */
public record LogFile(Path path, String display, long size) {
}
