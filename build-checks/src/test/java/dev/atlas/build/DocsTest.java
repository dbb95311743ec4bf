package dev.atlas.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README stays a user's page: short, with a table of contents whose links work, no measured
 * timing (those live in docs/measurements.md), and the build's version wherever it names a jar or
 * coordinates; every relative link in it and in docs/ reaches a file and, with an anchor, a heading.
 */
class DocsTest {
  static final Path README = Path.of("../README.md");
  static final int MAX_README_LINES = 450;
  static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  static final Pattern TIMING = Pattern.compile("\\b\\d+(?:[.,]\\d+)?\\s?(?:ms|µs|s|sec|seconds?|min|minutes?)\\b");

  /** @return the file's lines outside fenced code blocks */
  static List<String> prose(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    boolean code = false;
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("```")) {
        code = !code;
      } else if (!code) {
        out.add(line);
      }
    }
    return out;
  }

  /** @return the anchors GitHub gives the file's headings */
  static List<String> anchors(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : prose(file)) {
      if (line.startsWith("#")) {
        String title = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
        out.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return out;
  }

  static List<Path> pages() throws IOException {
    List<Path> out = new ArrayList<>(List.of(README));
    try (Stream<Path> docs = Files.list(Path.of("../docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    }
    return out;
  }

  @Test
  void theReadmeIsShortAndOpensWithItsContents() throws IOException {
    List<String> lines = Files.readAllLines(README);
    assertThat(lines.size()).as("README lines (move depth into docs/)").isLessThanOrEqualTo(MAX_README_LINES);
    int contents = lines.indexOf("## Contents");
    assertThat(contents).as("a table of contents near the top").isBetween(0, 30);
    for (String section : List.of("#requirements", "#the-two-commands", "#install", "#quick-start",
        "#credentials-for-each-kind-of-server", "#contributing")) {
      assertThat(String.join("\n", lines.subList(contents, contents + 20))).as("contents").contains("](" + section + ")");
    }
  }

  @Test
  void everyRelativeLinkReachesItsFileAndHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      for (String line : prose(page)) {
        Matcher m = LINK.matcher(line);
        while (m.find()) {
          String target = m.group(1);
          if (target.matches("^[a-z]+:.*")) {
            continue; // http(s), mailto: not checked here
          }
          int hash = target.indexOf('#');
          String file = hash < 0 ? target : target.substring(0, hash);
          Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
          if (!Files.exists(resolved)) {
            broken.add(page + ": " + target + " (no such file)");
          } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
            broken.add(page + ": " + target + " (no such heading)");
          }
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theReadmeQuotesNoTiming() throws IOException {
    assertThat(prose(README)).as("measured times belong in docs/measurements.md")
        .noneMatch(line -> TIMING.matcher(line).find());
  }

  @Test
  void theDocsNameTheBuildsVersion() throws Exception {
    String version = ReleaseBundleTest.version();
    Pattern named = Pattern.compile("atlas-sandbox-([0-9][^-\\s`]*(?:-SNAPSHOT)?)-all\\.jar"
        + "|dev\\.atlas:atlas-sandbox:([^`\\s,]+)|dev/atlas/atlas-sandbox/([^/`\\s]+)/");
    int found = 0;
    for (Path page : pages()) {
      Matcher m = named.matcher(Files.readString(page));
      while (m.find()) {
        String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        assertThat(v).as(page + ": " + m.group()).isEqualTo(version);
        found++;
      }
    }
    assertThat(found).as("the README names the runnable sandbox").isGreaterThan(0);
    String quickStart = Files.readString(README).substring(Files.readString(README).indexOf("## Quick start"));
    Matcher bom = Pattern.compile("<artifactId>atlas-bom</artifactId>\\s*<version>([^<]+)</version>").matcher(quickStart);
    assertThat(bom.find()).as("the quick start imports the BOM with a version").isTrue();
    assertThat(bom.group(1)).isEqualTo(version);
  }
}
