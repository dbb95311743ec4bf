package dev.atlas.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's project compiles against the built jars with the README's quick start, on the class
 * path and on the module path ({@code requires dev.atlas.client}), and cannot reach the transport
 * or the SDK's own factories from either.
 */
class ConsumerCompileTest {
  /** Uses the transport and factories only the SDK may call. */
  static final String FORBIDDEN = """
      import dev.atlas.client.AtlasStream;
      public class Forbidden {
        void f(okhttp3.Call call, okhttp3.Response response) {
          dev.atlas.client.Transport transport = null;
          AtlasStream.of(call, response, 1024, null);
        }
      }
      """;

  @TempDir
  Path dir;

  /** @return the quick start from the README: the first java block after "## Quick start" */
  static String quickStart() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String from = readme.substring(readme.indexOf("## Quick start"));
    int start = from.indexOf("```java\n") + "```java\n".length();
    return from.substring(start, from.indexOf("```", start));
  }

  /** @return the jars of atlas-client and everything it needs, as the build resolved them */
  static List<String> jars() {
    List<String> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.endsWith(".jar") && !e.contains("junit") && !e.contains("assertj") && !e.contains("opentest4j")
          && !e.contains("apiguardian") && !e.contains("byte-buddy")) {
        out.add(e);
      }
    }
    return out;
  }

  static boolean atlasClientIsAJar() {
    return jars().stream().anyMatch(j -> Path.of(j).getFileName().toString().startsWith("atlas-client-"));
  }

  String compile(Map<String, String> sources, String pathOption) throws IOException {
    List<String> args = new ArrayList<>(List.of("-d", dir.resolve("out").toString(), "-proc:none", pathOption,
        String.join(File.pathSeparator, jars())));
    for (Map.Entry<String, String> s : sources.entrySet()) {
      Path file = dir.resolve("src").resolve(s.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, s.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc = javac.run(null, out, out, args.toArray(String[]::new));
    String text = out.toString(StandardCharsets.UTF_8);
    return rc == 0 ? "" : text.isEmpty() ? "javac exited " + rc : text;
  }

  @Test
  void theQuickStartCompilesOnTheClassPath() throws IOException {
    assertThat(compile(Map.of("QuickStart.java", quickStart()), "-classpath")).isEmpty();
  }

  @Test
  void theQuickStartCompilesOnTheModulePath() throws IOException {
    assumeTrue(atlasClientIsAJar(), "needs the packaged jar (mvn verify), not target/classes");
    String module = "module consumer { requires dev.atlas.client; }";
    assertThat(compile(Map.of("module-info.java", module, "consumer/QuickStart.java",
        "package consumer;\n" + quickStart()), "--module-path")).isEmpty();
  }

  @Test
  void theTransportAndTheSdksFactoriesAreOutOfReachOnTheClassPath() throws IOException {
    String errors = compile(Map.of("Forbidden.java", FORBIDDEN), "-classpath");
    assertThat(errors).contains("Transport is not public in dev.atlas.client")
        .contains("of(Call,Response,int,CallTrace) is not public in AtlasStream");
  }

  @Test
  void theTransportAndTheSdksFactoriesAreOutOfReachOnTheModulePath() throws IOException {
    assumeTrue(atlasClientIsAJar(), "needs the packaged jar (mvn verify), not target/classes");
    String module = "module consumer { requires dev.atlas.client; requires okhttp3; }";
    String errors = compile(Map.of("module-info.java", module, "consumer/Forbidden.java",
        "package consumer;\n" + FORBIDDEN), "--module-path");
    assertThat(errors).contains("Transport is not public in dev.atlas.client")
        .contains("of(Call,Response,int,CallTrace) is not public in AtlasStream");
  }
}
