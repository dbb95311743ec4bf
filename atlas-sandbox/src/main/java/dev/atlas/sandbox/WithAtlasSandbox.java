package dev.atlas.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs a test class with an {@link AtlasSandbox} and an {@code AtlasClient} to inject: see {@link AtlasSandboxExtension}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(AtlasSandboxExtension.class)
public @interface WithAtlasSandbox {}
