package dev.atlas.examples.spring;

import dev.atlas.sandbox.AtlasSandbox;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A Spring Boot web application that answers questions through the Atlas starter:
 * {@code GET /ask?question=...}, with Atlas in {@code /actuator/health} and its timers in
 * {@code /actuator/metrics}. It talks to the Atlas named by {@code ATLAS_BASE_URL} and
 * {@code ATLAS_API_KEY} (or the {@code atlas.*} properties); without them it starts the embedded
 * {@link AtlasSandbox} and points the starter at it.
 */
@SpringBootApplication
public class AtlasSpringBootExample {
  /** Created by Spring. */
  public AtlasSpringBootExample() {}

  /**
   * Starts the application (port 8080 unless {@code --server.port=N}).
   *
   * @param args Spring Boot arguments, e.g. {@code --server.port=0}
   */
  public static void main(String[] args) {
    run(args);
  }

  /**
   * @param args Spring Boot arguments
   * @return the running application
   */
  static ConfigurableApplicationContext run(String... args) {
    SpringApplication app = new SpringApplication(AtlasSpringBootExample.class);
    String url = System.getenv("ATLAS_BASE_URL"); // Spring binds it (and ATLAS_API_KEY) to atlas.* itself
    if (url == null || url.isBlank()) {
      AtlasSandbox sandbox = AtlasSandbox.start();
      // default properties have the lowest precedence: atlas.* set anywhere else wins
      app.setDefaultProperties(Map.of("atlas.base-url", sandbox.baseUrl(), "atlas.api-key", sandbox.apiKey()));
      app.addListeners(event -> {
        if (event instanceof ContextClosedEvent) {
          sandbox.close();
        }
      });
    }
    return app.run(args);
  }
}
