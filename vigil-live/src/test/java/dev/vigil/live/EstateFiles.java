package dev.vigil.live;

import dev.vigil.posture.inventory.Resource;
import dev.vigil.posture.supplement.SupplementDoc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: the recorded estate's folders, reading a folder of offline files, and provenance-free views. */
final class EstateFiles {

    static final String MANAGEMENT = "111111111111";
    static final String MEMBER = "222222222222";
    static final String REGION = "us-east-1";

    private EstateFiles() {
    }

    static synchronized Path estate(String part) {
        java.net.URI uri;
        try {
            uri = EstateFiles.class.getResource("/estate/" + part).toURI();
        } catch (URISyntaxException | NullPointerException missing) {
            throw new IllegalStateException("test resource estate/" + part + " is missing", missing);
        }
        if (uri.getScheme().equals("file")) {
            return Path.of(uri);
        }
        // Inside the test-jar (vigil-cli's tests use this estate when Maven hands them the packaged jar): the
        // readers walk folders, so copy the tree out once.
        return EXTRACTED.computeIfAbsent(part, p -> extract(uri, p));
    }

    private static final java.util.Map<String, Path> EXTRACTED = new java.util.HashMap<>();

    private static Path extract(java.net.URI uri, String part) {
        try {
            java.nio.file.FileSystem jar;
            try {
                jar = java.nio.file.FileSystems.getFileSystem(uri);
            } catch (java.nio.file.FileSystemNotFoundException notOpen) {
                jar = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of());
            }
            Path source = jar.provider().getPath(uri);
            Path target = Files.createTempDirectory("vigil-live-estate-" + part + "-");
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.toList()) {
                    Path to = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot copy the test estate out of " + uri, e);
        }
    }

    /** Reads a folder the way a sorted directory walk meets its files. */
    static ExportFiles read(Path folder) {
        ExportFiles files = new ExportFiles();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.read(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
        return files;
    }

    /** Resources without their provenance (which names the file or the call, and so always differs). */
    static List<Resource> resources(java.util.Collection<Resource> resources) {
        return resources.stream().map(r -> new Resource(r.type(), r.id(), r.name(), r.arn(), r.account(), r.region(),
                r.status(), r.captureTime(), r.tags(), r.configuration(), r.supplementaryConfiguration(),
                r.relationships(), "")).toList();
    }

    /** Documents without their provenance. */
    static List<SupplementDoc> documents(List<SupplementDoc> documents) {
        return documents.stream().map(d -> new SupplementDoc(d.account(), d.region(), d.service(), d.operation(),
                d.subject(), d.body(), "")).toList();
    }
}
