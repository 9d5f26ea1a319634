package dev.vigil.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a classpath resource into a {@link Path} that can be listed and read, whether the classes come from a
 * folder (a development build) or a jar (the distribution): the built-in rule pack's test folder is found next to
 * its rule files this way. Jars are opened as zip file systems of their own and closed with this object.
 */
final class ClasspathFolders implements AutoCloseable {

    private final ClassLoader loader;
    private final Map<Path, FileSystem> jars = new LinkedHashMap<>();

    ClasspathFolders(ClassLoader loader) {
        this.loader = loader;
    }

    /** The resource's path, or empty when it is absent or its packaging cannot be read as files. */
    Optional<Path> path(String resource) {
        URL url = loader.getResource(resource);
        if (url == null) {
            return Optional.empty();
        }
        try {
            return switch (url.getProtocol()) {
                case "file" -> Optional.of(Path.of(url.toURI()));
                case "jar" -> inJar(url.toString());
                default -> Optional.empty();
            };
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code jar:file:/x/engine.jar!/rules/iam.yml}: opens the jar (once) and finds the entry in it. */
    private Optional<Path> inJar(String url) throws URISyntaxException, IOException {
        int bang = url.indexOf("!/");
        if (bang < 0) {
            return Optional.empty();
        }
        Path jar = Path.of(new URI(url.substring("jar:".length(), bang)));
        FileSystem fs = jars.get(jar);
        if (fs == null) {
            fs = FileSystems.newFileSystem(jar);
            jars.put(jar, fs);
        }
        return Optional.of(fs.getPath(url.substring(bang + 1)));
    }

    @Override
    public void close() {
        for (FileSystem fs : jars.values()) {
            try {
                fs.close();
            } catch (IOException e) {
                // read-only and done with: nothing left to lose
            }
        }
        jars.clear();
    }
}
