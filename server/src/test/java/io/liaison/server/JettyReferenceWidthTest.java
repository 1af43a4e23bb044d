package io.liaison.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.Liaison;
import io.javalin.Javalin;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app tells Jetty the JVM's reference width, so that Jetty does not create the platform
 * MBean server to ask (see {@code App.tellJettyTheReferenceWidth}); a value the user set stays.
 */
class JettyReferenceWidthTest {
  static final String PROPERTY = "org.eclipse.jetty.util.referencesPerCacheLine";
  @TempDir Path dir;
  private final String before = System.getProperty(PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, before);
    }
  }

  @Test
  void creating_the_app_sets_the_width_a_heap_under_32_gb_has_and_keeps_a_users_value() throws Exception {
    TestIndex index = TestIndex.build(dir);
    try (Liaison liaison = index.open()) {
      System.clearProperty(PROPERTY);
      Javalin app = App.create(liaison, index.config(null)).start("127.0.0.1", 0);
      app.stop();
      // Tests run with a heap far below 32 GB, where HotSpot compresses references to 4 bytes.
      assertEquals("16", System.getProperty(PROPERTY));
      System.setProperty(PROPERTY, "8");
      App.create(liaison, index.config(null)).start("127.0.0.1", 0).stop();
      assertEquals("8", System.getProperty(PROPERTY), "the user's value stays");
    }
  }
}
