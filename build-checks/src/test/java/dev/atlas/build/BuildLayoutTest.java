package dev.atlas.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The BOM stays in step with the build it describes; the client stays free of Spring and Micrometer. */
class BuildLayoutTest {
  static Document read(String path) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(path));
  }

  static String child(Element e, String tag) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(tag)) {
        return c.getTextContent().trim();
      }
    }
    return null;
  }

  /** @return the artifactIds of the modules that are published: not a pom, deploy not skipped */
  static List<String> publishedModules() throws Exception {
    Document parent = read("../pom.xml");
    List<String> published = new ArrayList<>();
    NodeList modules = parent.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      String dir = modules.item(i).getTextContent().trim();
      Element pom = read("../" + dir + "/pom.xml").getDocumentElement();
      String packaging = child(pom, "packaging");
      boolean skipsDeploy = pom.getElementsByTagName("maven.deploy.skip").getLength() > 0;
      if (!"pom".equals(packaging) && !skipsDeploy) {
        published.add(child(pom, "artifactId"));
      }
    }
    return published;
  }

  @Test
  void bomHasTheParentsVersionAndEveryPublishedModule() throws Exception {
    Document parent = read("../pom.xml");
    Document bom = read("../bom/pom.xml");
    String version = child(parent.getDocumentElement(), "version");
    assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(version);

    List<String> managed = new ArrayList<>();
    NodeList deps = bom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      assertThat(child(d, "version")).as(child(d, "artifactId")).isEqualTo(version);
      managed.add(child(d, "artifactId"));
    }
    List<String> published = publishedModules();
    assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
  }

  /** The starter brings Spring and Micrometer; the client itself (this module's class path) brings neither. */
  @Test
  void theClientBringsNoSpringOrMicrometer() {
    List<String> jars = ConsumerCompileTest.jars();
    assertThat(jars).as("atlas-client and what it brings").anyMatch(j -> j.contains("okhttp"));
    assertThat(jars).noneMatch(j -> j.contains("springframework") || j.contains("micrometer"));
  }
}
