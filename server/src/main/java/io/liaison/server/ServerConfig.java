package io.liaison.server;

import java.nio.file.Path;

/**
 * How the server runs.
 *
 * @param host the address it binds
 * @param port its port (0 for any free one)
 * @param corpus the corpus folder rebuilds read (into the index the server's {@code Liaison} opened)
 * @param adminToken the bearer token of the admin endpoints; null or blank disables them
 */
public record ServerConfig(String host, int port, Path corpus, String adminToken) {
  public ServerConfig {
    if (adminToken != null && adminToken.isBlank()) {
      adminToken = null;
    }
  }
}
