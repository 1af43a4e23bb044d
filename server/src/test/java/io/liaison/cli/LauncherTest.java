package io.liaison.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script ({@code ./liaison}) as a user runs it: which JDK it picks, what it says when
 * there is none, and how it keeps its ahead-of-time caches. It runs from a copy in a folder of its
 * own with a jar that is up to date (so it never builds), against fake JDKs: each {@code bin/java}
 * is a shell script that logs how it was called, so the test sees every JVM the launcher starts.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {
  @TempDir Path dir;
  Path root;
  Path jdks;
  Path calls;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(dir.resolve("checkout"));
    Path launcher = root.resolve("liaison");
    Files.copy(Path.of("..", "liaison"), launcher);
    executable(launcher);
    Path jar = root.resolve("server/target/liaison-server.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "not a jar: the fake java never opens it");
    jdks = Files.createDirectories(dir.resolve("jvm"));
    calls = dir.resolve("java-calls.log");
  }

  /**
   * A JDK home whose {@code java} logs its arguments and prints them; it answers {@code
   * -XshowSettings} with {@code version}, writes the files the AOT flags name, and exits with
   * {@code FAKE_JAVA_EXIT} when that is set. {@code release} false leaves out the release file.
   */
  private Path jdk(String name, int version, boolean release) throws IOException {
    Path home = Files.createDirectories(jdks.resolve(name).resolve("bin")).getParent();
    String java = """
        #!/bin/sh
        echo "$0 $*" >> "%s"
        for a in "$@"; do
          case "$a" in
            -XshowSettings*) echo "    java.specification.version = %d" >&2; exit 0 ;;
            -XX:AOTConfiguration=*) config="${a#-XX:AOTConfiguration=}" ;;
            -XX:AOTCache=*) cache="${a#-XX:AOTCache=}" ;;
            -XX:AOTMode=record) record=1 ;;
            -XX:AOTMode=create) create=1 ;;
          esac
        done
        if [ -n "$record" ]; then echo recorded > "$config"; fi
        if [ -n "$create" ]; then cp "$config" "$cache"; exit 0; fi
        echo "JAVA $0"
        echo "ARGS $*"
        exit "${FAKE_JAVA_EXIT:-0}"
        """.formatted(calls, version);
    Files.writeString(home.resolve("bin/java"), java);
    Files.writeString(home.resolve("bin/javac"), "#!/bin/sh\nexit 0\n");
    executable(home.resolve("bin/java"));
    executable(home.resolve("bin/javac"));
    if (release) {
      Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + ".0.2\"\n");
    }
    return home;
  }

  private static void executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The launcher with only the given variables set (PATH has the system tools after {@code firstOnPath}), not started. */
  private ProcessBuilder launcher(Path firstOnPath, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of("/bin/bash", root.resolve("liaison").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("LIAISON_JDK_DIRS", jdks.toString());
    pb.environment().put("PATH", (firstOnPath == null ? "" : firstOnPath.resolve("bin") + ":") + "/usr/bin:/bin");
    pb.environment().putAll(env);
    return pb;
  }

  /** Runs the launcher to its end. */
  private Run launch(Path firstOnPath, Map<String, String> env, String... args) throws Exception {
    ProcessBuilder pb = launcher(firstOnPath, env, args);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private List<String> javaCalls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  @Test
  void picksTheNewestJdk21OrLaterWhenTheJavaOnPathIsOlder() throws Exception {
    Path old = jdk("jdk-17", 17, true);
    jdk("jdk-21", 21, true);
    Path newest = jdk("jdk-25", 25, true);
    Run r = launch(old, Map.of(), "--version");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("JAVA " + newest.resolve("bin/java")), r.out());
    assertTrue(r.out().contains("-jar " + root.resolve("server/target/liaison-server.jar") + " --version"), r.out());
    // The versions came from the release files: the only JVM started is the one that runs.
    assertEquals(1, javaCalls().size(), javaCalls().toString());
  }

  @Test
  void javaHomeWinsWhenItIs21OrLater() throws Exception {
    Path home = jdk("jdk-21", 21, true);
    jdk("jdk-25", 25, true);
    Run r = launch(null, Map.of("JAVA_HOME", home.toString()), "--version");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("JAVA " + home.resolve("bin/java")), r.out());
  }

  @Test
  void aJdkWithoutAReleaseFileIsAskedForItsVersion() throws Exception {
    Path old = jdk("jdk-17", 17, true);
    Path unlabelled = jdk("custom-build", 23, false);
    Run r = launch(old, Map.of(), "--version");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("JAVA " + unlabelled.resolve("bin/java")), r.out());
    assertTrue(javaCalls().stream().anyMatch(c -> c.contains("custom-build") && c.contains("-XshowSettings")), javaCalls().toString());
  }

  @Test
  void jdkPrintsTheHomeItWouldRunWithAndStartsNoJvm() throws Exception {
    Path old = jdk("jdk-17", 17, true);
    jdk("jdk-21", 21, true);
    Path newest = jdk("jdk-25", 25, true);
    Run r = launch(old, Map.of(), "jdk");
    assertEquals(0, r.code(), r.err());
    assertEquals(newest.toString(), r.out().strip());
    assertTrue(javaCalls().isEmpty(), "no JVM runs: " + javaCalls());
  }

  @Test
  void saysWhatToDoWhenThereIsNoJdk21() throws Exception {
    Path old = jdk("jdk-17", 17, true);
    Run r = launch(old, Map.of("JAVA_HOME", old.toString()), "--version");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("no JDK 21 or newer found"), r.err());
    assertTrue(r.err().contains(jdks.toString()), "names where it looked: " + r.err());
    assertTrue(r.err().contains("set JAVA_HOME"), r.err());
    assertTrue(javaCalls().isEmpty(), "no JVM runs: " + javaCalls());
  }

  @Test
  void aSearchRecordsItsCacheOnceAndNotFromAFailedRun() throws Exception {
    Path jdk = jdk("jdk-25", 25, true);
    Path target = root.resolve("server/target");
    Path cache = target.resolve("liaison-server-search.aot");

    Run failed = launch(jdk, Map.of("FAKE_JAVA_EXIT", "1"), "search", "x");
    assertEquals(1, failed.code());
    assertTrue(failed.out().contains("-XX:AOTMode=record"), failed.out());
    assertFalse(Files.exists(cache), "a failed search leaves no cache");
    assertEquals(List.of(), recordFiles(target));

    Run first = launch(jdk, Map.of(), "search", "x");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("-XX:AOTMode=record"), first.out());
    assertTrue(Files.exists(cache), "a search that answered leaves its cache");
    assertEquals(List.of(), recordFiles(target));

    Run second = launch(jdk, Map.of(), "search", "x");
    assertTrue(second.out().contains("-XX:AOTCache=" + cache), second.out());
    assertFalse(second.out().contains("AOTMode=record"), second.out());
    // The commands keep separate caches: serve records its own.
    Run serve = launch(jdk, Map.of(), "serve");
    assertTrue(serve.out().contains("-XX:AOTMode=record"), serve.out());
    assertTrue(Files.exists(target.resolve("liaison-server.aot")));
  }

  @Test
  void passesTheUsersJvmOptionsAfterItsOwn() throws Exception {
    Path jdk = jdk("jdk-25", 25, true);
    Run r = launch(jdk, Map.of("LIAISON_JAVA_OPTS", " -Xmx1g  -Dliaison.example=yes "), "--version");
    assertEquals(0, r.code(), r.err());
    String args = argsLine(r);
    int own = args.indexOf("-XX:+UseParallelGC");
    int user = args.indexOf("-Xmx1g -Dliaison.example=yes ");
    int jar = args.indexOf(" -jar ");
    assertTrue(own >= 0 && user > own && jar > user, "after the launcher's options, before -jar: " + args);
  }

  @Test
  void asksForHugePagesOnlyWhereLinuxLeavesThemToTheProgram() throws Exception {
    Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean madvise = Files.isReadable(mode) && Files.readString(mode).contains("[madvise]");
    Path jdk = jdk("jdk-25", 25, true);
    Run r = launch(jdk, Map.of(), "--version");
    assertEquals(0, r.code(), r.err());
    assertEquals(madvise, argsLine(r).contains("-XX:+UseTransparentHugePages"),
        (Files.isReadable(mode) ? Files.readString(mode).strip() : "no " + mode) + ": " + argsLine(r));
  }

  @Test
  void aBuildAfterAChangeInCoreAloneIsNotRepeated() throws Exception {
    // Maven leaves liaison-server.jar as it was when only core changed, as this mvn does.
    Path jdk25 = jdk("jdk-25", 25, true);
    Path builds = dir.resolve("mvn-calls.log");
    Files.writeString(jdk25.resolve("bin/mvn"), "#!/bin/sh\necho \"mvn $*\" >> \"" + builds + "\"\nexit 0\n");
    executable(jdk25.resolve("bin/mvn"));
    Path jar = root.resolve("server/target/liaison-server.jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    Path source = root.resolve("core/src/main/resources/io/liaison/lexicon/lexicon-errata.txt");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "download\t卸载\n");

    Run first = launch(jdk25, Map.of(), "eval");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.err().contains("building"), first.err());
    Run second = launch(jdk25, Map.of(), "eval");
    assertEquals(0, second.code(), second.err());
    assertFalse(second.err().contains("building"), second.err());
    assertEquals(1, Files.readAllLines(builds).size(), Files.readString(builds));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void twoCommandsStartedTogetherBuildOnceTheSecondWaitingForTheFirst() throws Exception {
    HeldBuild held = staleBuildWithHeldMvn();
    Process first = launcher(held.jdk(), Map.of(), "eval").redirectErrorStream(true).redirectOutput(dir.resolve("first.txt").toFile()).start();
    Process second = null;
    try {
      assertEquals("started\n", Files.readString(held.started()), "the first command's build began");
      second = launcher(held.jdk(), Map.of(), "eval").redirectErrorStream(true).start();
      BufferedReader said = second.inputReader(StandardCharsets.UTF_8);
      String line = said.readLine();
      assertEquals("liaison: another liaison command is building; waiting for it ...", line);
      Files.writeString(held.release(), "done\n");
      assertTrue(first.waitFor(60, TimeUnit.SECONDS) && second.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, first.exitValue(), Files.readString(dir.resolve("first.txt")));
      assertEquals(0, second.exitValue());
      assertFalse(said.lines().anyMatch(l -> l.contains("building (first run")), "the second built too");
      assertEquals(1, Files.readAllLines(held.calls()).size(), Files.readString(held.calls()));
    } finally {
      stop(first, second);
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aTestRunWaitsForABuildInProgress() throws Exception {
    HeldBuild held = staleBuildWithHeldMvn();
    Process build = launcher(held.jdk(), Map.of(), "eval").redirectErrorStream(true).redirectOutput(dir.resolve("build.txt").toFile()).start();
    Process test = null;
    try {
      assertEquals("started\n", Files.readString(held.started()), "the first command's build began");
      test = launcher(held.jdk(), Map.of(), "test").redirectErrorStream(true).start();
      BufferedReader said = test.inputReader(StandardCharsets.UTF_8);
      assertEquals("liaison: another liaison command is building; waiting for it ...", said.readLine());
      Files.writeString(held.release(), "done\n");
      assertTrue(build.waitFor(60, TimeUnit.SECONDS) && test.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, build.exitValue(), Files.readString(dir.resolve("build.txt")));
      assertEquals(0, test.exitValue());
      List<String> calls = Files.readAllLines(held.calls());
      assertEquals(2, calls.size(), calls.toString());
      assertTrue(calls.get(0).contains("install") && calls.get(1).contains("verify"), "the tests ran after the build: " + calls);
    } finally {
      stop(build, test);
    }
  }

  /** Kills the processes started (null: not started) and their children, so a failed test leaves none behind. */
  private static void stop(Process... processes) {
    for (Process p : processes) {
      if (p != null) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
  }

  /** A JDK whose mvn an install blocks in (see {@link #staleBuildWithHeldMvn}), the log of its calls and its two pipes. */
  private record HeldBuild(Path jdk, Path calls, Path started, Path release) {}

  /**
   * Makes the build stale and gives a JDK 25 whose {@code mvn install} holds the build open until
   * the test lets it end: it writes to one named pipe and reads from another, so the test knows the
   * build has begun and decides when it ends. {@code mvn verify} only logs its call.
   */
  private HeldBuild staleBuildWithHeldMvn() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/flock")), "flock (util-linux) is not installed");
    Path jdk25 = jdk("jdk-25", 25, true);
    HeldBuild held = new HeldBuild(jdk25, dir.resolve("mvn-calls.log"), dir.resolve("mvn-started"), dir.resolve("mvn-release"));
    for (Path fifo : List.of(held.started(), held.release())) {
      assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    }
    Files.writeString(jdk25.resolve("bin/mvn"), """
        #!/bin/sh
        echo "mvn $*" >> "%s"
        case "$*" in *verify*) exit 0 ;; esac
        echo started > "%s"
        read line < "%s"
        exit 0
        """.formatted(held.calls(), held.started(), held.release()));
    executable(jdk25.resolve("bin/mvn"));
    Files.setLastModifiedTime(root.resolve("server/target/liaison-server.jar"), FileTime.from(Instant.now().minusSeconds(60)));
    Path source = root.resolve("core/src/main/java/Changed.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "class Changed {}\n");
    return held;
  }

  /** The arguments the fake java was started with. */
  private static String argsLine(Run r) {
    return r.out().lines().filter(l -> l.startsWith("ARGS ")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
  }

  /** Leftovers of a run's recording: its configuration or a cache not yet moved into place. */
  private static List<String> recordFiles(Path target) throws IOException {
    try (Stream<Path> files = Files.list(target)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".config") || n.matches(".*\\.aot\\.\\d+\\.aot")).toList();
    }
  }
}
