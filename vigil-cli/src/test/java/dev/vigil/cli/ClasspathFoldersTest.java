package dev.vigil.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Classpath resources become readable paths whether they sit in a folder or a jar. */
class ClasspathFoldersTest {

    @TempDir
    Path dir;

    @Test
    void findsAResourceAndItsSiblingsInAFolder() throws IOException {
        Path root = Files.createDirectories(dir.resolve("classes/rules/tests/r/match"));
        Files.writeString(dir.resolve("classes/rules/a.yml"), "x");
        Files.writeString(root.resolve("m.json"), "[]");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.resolve("classes").toUri().toURL()}, null);
             ClasspathFolders folders = new ClasspathFolders(loader)) {
            Path rule = folders.path("rules/a.yml").orElseThrow();
            assertThat(Files.readString(rule.resolveSibling("tests/r/match/m.json"))).isEqualTo("[]");
            assertThat(folders.path("rules/missing.yml")).isEmpty();
        }
    }

    @Test
    void opensAJarOnceAndListsItsFolders() throws IOException {
        Path jar = dir.resolve("pack with space.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
            for (String name : new String[]{"rules/a.yml", "rules/tests/r/match/m.json"}) {
                out.putNextEntry(new JarEntry(name));
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null);
             ClasspathFolders folders = new ClasspathFolders(loader)) {
            Path rule = folders.path("rules/a.yml").orElseThrow();
            Path tests = rule.resolveSibling("tests");
            assertThat(Files.isDirectory(tests.resolve("r/match"))).isTrue();
            assertThat(Files.readString(tests.resolve("r/match/m.json"))).isEqualTo("rules/tests/r/match/m.json");
            assertThat(folders.path("rules/a.yml").orElseThrow().getFileSystem()).isSameAs(rule.getFileSystem());
        }
    }
}
