package dev.atlas.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The SDK's version, read once from {@code version.properties} (filled in by the build), and the
 * {@code User-Agent} it is sent as. {@link AtlasClient#version()} is its public face.
 */
final class SdkVersion {
  /** This SDK's version, e.g. {@code 1.0.0}; {@code unknown} when the resource is missing. */
  static final String VERSION = read();
  /** The {@code User-Agent} of API calls. */
  static final String USER_AGENT = "atlas-java/" + VERSION + " (Java " + Runtime.version().feature() + "; okhttp "
      + okhttpVersion() + ")";

  private SdkVersion() {}

  private static String read() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String okhttpVersion() {
    try {
      return okhttp3.OkHttp.VERSION;
    } catch (LinkageError e) {
      return "unknown";
    }
  }
}
