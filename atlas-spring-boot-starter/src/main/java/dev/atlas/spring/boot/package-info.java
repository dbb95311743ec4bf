/**
 * Spring Boot 4 auto-configuration for the Atlas client: one {@link dev.atlas.client.AtlasClient}
 * bean from the {@code atlas.*} properties ({@link dev.atlas.spring.boot.AtlasProperties}), Atlas in
 * Actuator's health ({@link dev.atlas.spring.boot.AtlasHealthAutoConfiguration}) and Micrometer
 * timers for every call ({@link dev.atlas.spring.boot.AtlasMetricsAutoConfiguration}). Add the
 * {@code atlas-spring-boot-starter} dependency and set {@code atlas.base-url} and
 * {@code atlas.api-key}; {@link dev.atlas.spring.boot.AtlasClientBuilderCustomizer} beans change
 * what the properties do not cover.
 */
package dev.atlas.spring.boot;
