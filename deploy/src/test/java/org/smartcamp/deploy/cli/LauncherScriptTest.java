package org.smartcamp.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcamp.deploy.testsupport.ProjectFiles;

/**
 * deploy/bin/smartcamp builds the jar, like a Maven wrapper, when it is missing or older than the sources, and says
 * so; it runs an up-to-date jar, or the one SMARTCAMP_JAR names, as it is. Run on a copy of the script in a project
 * of a few files, with stand-ins for {@code mvn} (records its arguments, writes the jar) and {@code java} (prints
 * its arguments) first on the PATH.
 */
class LauncherScriptTest {
    @TempDir
    Path project;
    private Path jar;
    private Path source;

    @BeforeEach
    void aProjectWithTheScript() throws IOException {
        Path bin = Files.createDirectories(project.resolve("deploy/bin"));
        Files.copy(ProjectFiles.root().resolve("deploy/bin/smartcamp"), bin.resolve("smartcamp"));
        Files.setPosixFilePermissions(bin.resolve("smartcamp"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        source = project.resolve("ingest/src/main/java/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {}");
        jar = project.resolve("deploy/target/smartcamp.jar");
        Path tools = Files.createDirectories(project.resolve("tools"));
        executable(tools.resolve("mvn"), "echo \"$PWD $*\" > \"$PWD/mvn.args\"\nmkdir -p deploy/target\n"
            + "echo jar > deploy/target/smartcamp.jar\n");
        executable(tools.resolve("java"), "echo \"java $*\"\n");
    }

    @Test
    void aMissingJarIsBuiltWithMavenFirstAndSaysSo() throws Exception {
        Result run = run();

        assertThat(run.err).contains("smartcamp: building deploy/target/smartcamp.jar (it is missing)");
        assertThat(Files.readString(project.resolve("mvn.args")).strip())
            .isEqualTo(project + " -B -q -DskipTests package");
        assertThat(run.out).contains("java -jar " + project.resolve("deploy/bin/../target/smartcamp.jar") + " demo");
    }

    @Test
    void aJarOlderThanASourceIsBuiltAgainAndANewerOneIsNot() throws Exception {
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "old");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));

        Result stale = run();
        Files.delete(project.resolve("mvn.args"));
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().minusSeconds(120)));
        Files.setLastModifiedTime(project.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(120)));
        Result fresh = run();

        assertThat(stale.err).contains("(it is older than the sources)");
        assertThat(fresh.err).doesNotContain("building");
        assertThat(project.resolve("mvn.args")).doesNotExist();
        assertThat(fresh.out).contains("java -jar");
    }

    @Test
    void smartcampJarIsRunAsItIsOrNamedWhenMissing() throws Exception {
        Result given = run("SMARTCAMP_JAR=" + source);
        Result missing = run("SMARTCAMP_JAR=/nonexistent.jar");

        assertThat(given.out).contains("java -jar " + source + " demo");
        assertThat(given.err).doesNotContain("building");
        assertThat(missing.exit).isEqualTo(1);
        assertThat(missing.err).contains("smartcamp: error: SMARTCAMP_JAR=/nonexistent.jar not found");
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(project.resolve("deploy/bin/smartcamp").toString(), "demo");
        pb.environment().keySet().removeIf(k -> k.startsWith("SMARTCAMP_"));
        pb.environment().put("PATH", project.resolve("tools") + ":/usr/bin:/bin");
        for (String e : env) {
            pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    private static void executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
