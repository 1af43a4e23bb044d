package io.liaison.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.index.Indexer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code liaison serve} says which of its options keeps it from starting, in one line. */
class ServeCommandTest {
  @TempDir static Path dir;
  static Path corpus;
  static Path index;

  record Result(int code, String err) {}

  static Result run(String... args) {
    StringWriter err = new StringWriter();
    var cli = LiaisonCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, err.toString());
  }

  @BeforeAll
  static void indexOneFile() throws Exception {
    corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("weather.txt"), "Weekend weather\nRain on Saturday.\n");
    index = dir.resolve("index");
    new Indexer(Indexer.Options.of(corpus, index)).run();
  }

  private static Result serve(String... options) {
    String[] args = new String[options.length + 5];
    args[0] = "serve";
    args[1] = "--corpus";
    args[2] = corpus.toString();
    args[3] = "--index";
    args[4] = index.toString();
    System.arraycopy(options, 0, args, 5, options.length);
    return run(args);
  }

  private static void assertOneLineWithout(Result r, String... wrong) {
    assertEquals(1, r.err().lines().count(), r.err());
    for (String w : wrong) {
      assertFalse(r.err().contains(w), r.err());
    }
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
  }

  @Test
  void aPortOutOfRangeIsAUsageErrorBeforeAnyIndexIsBuilt() {
    Path untouched = dir.resolve("never-built");
    Result r = run("serve", "--corpus", corpus.toString(), "--index", untouched.toString(), "--port", "99999");
    assertEquals(2, r.code(), r.err());
    assertOneLineWithout(r, "out of range:");
    assertTrue(r.err().startsWith("liaison: the port must be 0 to 65535"), r.err());
    assertTrue(r.err().contains("not 99999"), r.err());
    assertFalse(Files.exists(untouched), "a bad port is reported before indexing the corpus");
    assertEquals(2, serve("--port", "-1").code());
  }

  @Test
  void anAddressThisMachineDoesNotHaveIsSaidSoAndNotCalledAPortInUse() {
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): documentation only, never assigned to a machine.
    Result r = serve("--host", "192.0.2.1", "--port", "0");
    assertEquals(1, r.code(), r.err());
    assertOneLineWithout(r, "already in use", "Port already");
    assertTrue(r.err().contains("cannot bind to 192.0.2.1:0: 192.0.2.1 is not an address of this machine"), r.err());
    assertTrue(r.err().contains("--host 127.0.0.1") && r.err().contains("--host 0.0.0.0"), r.err());
  }

  @Test
  void aHostNameThatDoesNotResolveIsSaidSo() {
    Result r = serve("--host", "no-such-host.invalid", "--port", "0");
    assertEquals(1, r.code(), r.err());
    assertOneLineWithout(r, "already in use");
    assertTrue(r.err().contains("the host name no-such-host.invalid does not resolve"), r.err());
  }

  @Test
  void aPortInUseIsSaidSo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Result r = serve("--host", "127.0.0.1", "--port", Integer.toString(port));
      assertEquals(1, r.code(), r.err());
      assertOneLineWithout(r);
      assertTrue(r.err().contains("port " + port + " is already in use by another process"), r.err());
    }
  }
}
