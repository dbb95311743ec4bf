package dev.atlas.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The release bundle (a Maven repository layout in {@code target/release-bundle}, written by the
 * test command's release build, see scripts/release-bundle.sh) holds what Maven Central requires
 * for every published module: the POM with name, description, URL, license, SCM and developers (its
 * own or its parent's), the main, sources and javadoc jars, and MD5 and SHA-1 checksums that match.
 * Signatures are left to the publisher's key. A {@code -SNAPSHOT} version (main between releases)
 * is deployed under timestamped file names, which the version folder's maven-metadata.xml lists.
 */
class ReleaseBundleTest {
  static final Path BUNDLE = Path.of("../target/release-bundle");

  record Artifact(String artifactId, boolean jar) {}

  static List<Artifact> published() throws Exception {
    Element parent = BuildLayoutTest.read("../pom.xml").getDocumentElement();
    List<Artifact> out = new ArrayList<>();
    out.add(new Artifact(BuildLayoutTest.child(parent, "artifactId"), false));
    for (String artifactId : BuildLayoutTest.publishedModules()) {
      out.add(new Artifact(artifactId, true));
    }
    out.add(new Artifact("atlas-bom", false));
    return out;
  }

  static String version() throws Exception {
    return BuildLayoutTest.child(BuildLayoutTest.read("../pom.xml").getDocumentElement(), "version");
  }

  /**
   * @return the bundle's file of one artifact of this build: {@code artifactId-version[-classifier].extension},
   *     where a snapshot's version is the deploy's timestamped one from maven-metadata.xml
   */
  static Path file(String artifactId, String classifier, String extension) throws Exception {
    String version = version();
    Path dir = BUNDLE.resolve("dev/atlas").resolve(artifactId).resolve(version);
    String fileVersion = version;
    if (version.endsWith("-SNAPSHOT")) {
      Path metadata = dir.resolve("maven-metadata.xml");
      assertThat(metadata).as(artifactId + " snapshot metadata").exists();
      NodeList entries = BuildLayoutTest.read(metadata.toString()).getElementsByTagName("snapshotVersion");
      fileVersion = null;
      for (int i = 0; i < entries.getLength(); i++) {
        Element e = (Element) entries.item(i);
        String c = BuildLayoutTest.child(e, "classifier");
        if (extension.equals(BuildLayoutTest.child(e, "extension")) && classifier.equals(c == null ? "" : c)) {
          fileVersion = BuildLayoutTest.child(e, "value");
        }
      }
      assertThat(fileVersion).as(artifactId + " " + classifier + " " + extension + " in " + metadata).isNotNull();
    }
    return dir.resolve(artifactId + "-" + fileVersion + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension);
  }

  @Test
  void everyPublishedModuleHasWhatMavenCentralRequires() throws Exception {
    assumeTrue(Files.isDirectory(BUNDLE), "no release bundle: run scripts/release-bundle.sh or the test command");
    Path parentPom = null;
    for (Artifact a : published()) {
      String base = a.artifactId() + "-" + version();
      Path pom = file(a.artifactId(), "", "pom");
      assertThat(pom).as(a.artifactId() + " POM").exists();
      if (parentPom == null) {
        parentPom = pom;
      }
      Element own = BuildLayoutTest.read(pom.toString()).getDocumentElement();
      Element inherited = BuildLayoutTest.read(parentPom.toString()).getDocumentElement();
      assertThat(BuildLayoutTest.child(own, "name")).as(base + " name").isNotBlank();
      assertThat(BuildLayoutTest.child(own, "description")).as(base + " description").isNotBlank();
      for (String tag : List.of("url", "licenses", "scm", "developers")) {
        String value = BuildLayoutTest.child(own, tag) != null ? BuildLayoutTest.child(own, tag)
            : BuildLayoutTest.child(inherited, tag);
        assertThat(value).as(base + " " + tag + " (own or the parent's)").isNotBlank();
      }
      List<Path> files = new ArrayList<>(List.of(pom));
      if (a.jar()) {
        for (String classifier : List.of("", "sources", "javadoc")) {
          Path jar = file(a.artifactId(), classifier, "jar");
          assertThat(jar).as(base + " " + classifier + " jar").exists();
          files.add(jar);
        }
        assertThat(entries(file(a.artifactId(), "sources", "jar"))).as(base + " sources").anyMatch(n -> n.endsWith(".java"));
        assertThat(entries(file(a.artifactId(), "javadoc", "jar"))).as(base + " javadoc").contains("index.html");
      }
      for (Path f : files) {
        assertThat(Files.readString(f.resolveSibling(f.getFileName() + ".md5")).trim()).as(f + ".md5")
            .isEqualTo(digest("MD5", f));
        assertThat(Files.readString(f.resolveSibling(f.getFileName() + ".sha1")).trim()).as(f + ".sha1")
            .isEqualTo(digest("SHA-1", f));
      }
    }
  }

  @Test
  void thePublishedJavadocOfTheClientHasOnlyThePublicApi() throws Exception {
    assumeTrue(Files.isDirectory(BUNDLE), "no release bundle: run scripts/release-bundle.sh or the test command");
    List<String> names = entries(file("atlas-client", "javadoc", "jar"));
    assertThat(names).contains("dev/atlas/client/AtlasClient.html", "dev/atlas/client/package-summary.html",
        "dev/atlas/client/errors/package-summary.html", "dev/atlas/client/retry/package-summary.html",
        "dev/atlas/client/batch/package-summary.html");
    assertThat(names).noneMatch(n -> n.contains("/internal/") || n.endsWith("/Transport.html")
        || n.endsWith("/RetryEngine.html") || n.endsWith("/ErrorMapper.html"));
  }

  /** The runnable sandbox (classifier {@code all}) ships beside the sandbox's jars, with its checksums. */
  @Test
  void theRunnableSandboxIsPublishedWithTheServerOnly() throws Exception {
    assumeTrue(Files.isDirectory(BUNDLE), "no release bundle: run scripts/release-bundle.sh or the test command");
    Path jar = file("atlas-sandbox", "all", "jar");
    assertThat(jar).exists();
    assertThat(Files.readString(jar.resolveSibling(jar.getFileName() + ".sha1")).trim()).isEqualTo(digest("SHA-1", jar));
    try (java.util.jar.JarFile runnable = new java.util.jar.JarFile(jar.toFile())) {
      assertThat(runnable.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.atlas.sandbox.AtlasSandbox");
    }
    List<String> names = entries(jar);
    assertThat(names).contains("dev/atlas/sandbox/AtlasSandbox.class", "org/h2/Driver.class",
        "META-INF/services/java.sql.Driver");
    assertThat(names).as("no client, no JUnit: the server's own dependencies only")
        .noneMatch(n -> n.startsWith("dev/atlas/client/generated/") || n.equals("dev/atlas/client/AtlasClient.class")
            || n.startsWith("okhttp3/") || n.startsWith("org/junit/"));
  }

  static List<String> entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry::getName).toList();
    }
  }

  static String digest(String algorithm, Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file)));
  }
}
