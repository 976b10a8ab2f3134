package org.smartcamp.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcamp.deploy.bench.IngestChild;
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

    @Test
    void theIngestGetsTheMeasuredJvmFlagsUnlessJavaOptsIsSet() throws Exception {
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().minusSeconds(120)));
        Files.setLastModifiedTime(project.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(120)));

        String ingest = runCommand("ingest").out;
        String withOption = runCommand("ingest", "--config=x.yaml").out;
        String given = runCommand("ingest", "JAVA_OPTS=-Xmx1g").out;
        String empty = runCommand("ingest", "JAVA_OPTS=").out;
        String demo = runCommand("demo").out;

        String flags = "-Xmx" + IngestChild.HEAP + " " + String.join(" ", IngestChild.JVM_OPTIONS);
        assertThat(ingest).as("the bench measures what the launcher runs").contains("java " + flags + " -jar ");
        assertThat(withOption).contains("java " + flags + " -jar ");
        assertThat(given).contains("java -Xmx1g -jar ").doesNotContain("G1GC");
        assertThat(empty).contains("java -jar ");
        assertThat(demo).contains("java -jar ");
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... env) throws IOException, InterruptedException {
        return runCommand("demo", env);
    }

    /** Runs the launcher with {@code command}; arguments starting with '-' go before it, NAME=value to its env. */
    private Result runCommand(String command, String... env) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(project.resolve("deploy/bin/smartcamp").toString()));
        List<String> settings = new ArrayList<>();
        for (String e : env) {
            (e.contains("=") && !e.startsWith("-") ? settings : args).add(e);
        }
        args.add(command);
        ProcessBuilder pb = new ProcessBuilder(args);
        pb.environment().keySet().removeIf(k -> k.startsWith("SMARTCAMP_") || "JAVA_OPTS".equals(k));
        pb.environment().put("PATH", project.resolve("tools") + ":/usr/bin:/bin");
        for (String e : settings) {
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
