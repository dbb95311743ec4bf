package dev.atlas.spring.boot;

import dev.atlas.client.AtlasClientBuilder;

/**
 * Changes the builder of the auto-configured {@link dev.atlas.client.AtlasClient} after the
 * {@code atlas.*} properties were applied and before it is built: declare one as a bean, e.g. to
 * add a default header, an OkHttp interceptor or your own {@code OkHttpClient}. Several run in
 * their {@link org.springframework.core.annotation.Order @Order}.
 */
@FunctionalInterface
public interface AtlasClientBuilderCustomizer {
  /**
   * @param builder the builder, with the properties applied
   */
  void customize(AtlasClientBuilder builder);
}
