package dev.atlas.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an {@link AtlasConfigurationException} as a startup failure that names the property to set. */
final class AtlasFailureAnalyzer extends AbstractFailureAnalyzer<AtlasConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AtlasConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
