package dev.atlas.spring.boot;

/**
 * The {@code atlas.*} settings cannot make a client: a required property is missing or a value is
 * invalid. {@link AtlasFailureAnalyzer} turns it into Spring Boot's startup failure report.
 */
final class AtlasConfigurationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String action;

  AtlasConfigurationException(String description, String action, Throwable cause) {
    super(description, cause);
    this.action = action;
  }

  /** @return what to do about it */
  String action() {
    return action;
  }

  static AtlasConfigurationException missingBaseUrl() {
    return new AtlasConfigurationException("The Atlas client needs the property atlas.base-url, which is not set.",
        "Set atlas.base-url to your Atlas deployment, e.g. atlas.base-url=https://atlas.example.com "
            + "(or the environment variable ATLAS_BASE_URL), or define your own AtlasClient bean.", null);
  }

  static AtlasConfigurationException missingCredentials() {
    return new AtlasConfigurationException(
        "The Atlas client needs a credential: neither atlas.api-key nor atlas.bearer-token is set.",
        "Set atlas.api-key (or ATLAS_API_KEY) or atlas.bearer-token (or ATLAS_BEARER_TOKEN); for a server in auth "
            + "mode \"none\" set atlas.without-credentials=true.", null);
  }

  static AtlasConfigurationException invalid(String property, RuntimeException cause) {
    return new AtlasConfigurationException("Invalid value for " + property + ": " + cause.getMessage(),
        "Correct " + property + ".", cause);
  }
}
