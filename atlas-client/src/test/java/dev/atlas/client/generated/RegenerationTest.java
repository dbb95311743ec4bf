package dev.atlas.client.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Runs the generator with the generated module's pom configuration (read from its pom.xml, not copied) on
 * variants of the spec: a spec change reaches the generated models with no other edit, and an
 * invalid spec fails generation.
 */
class RegenerationTest {
  static final Path SPEC = Path.of("../openapi/openapi.json");
  /** The generated module's pom, whose generator configuration is used as is. */
  static final Path GENERATED_POM = Path.of("../atlas-client-generated/pom.xml");

  @Test
  void anAddedOptionalFieldAppearsInTheGeneratedModel(@TempDir Path tmp) throws Exception {
    JsonObject spec = JsonParser.parseString(Files.readString(SPEC)).getAsJsonObject();
    JsonObject field = new JsonObject();
    field.addProperty("type", "string");
    field.addProperty("description", "Added by RegenerationTest.");
    spec.getAsJsonObject("components").getAsJsonObject("schemas").getAsJsonObject("Conversation")
        .getAsJsonObject("properties").add("pinnedNote", field);
    Path changed = tmp.resolve("changed.json");
    Files.writeString(changed, spec.toString());

    String before = generateModel(SPEC, tmp.resolve("before"), "Conversation");
    String after = generateModel(changed, tmp.resolve("after"), "Conversation");

    assertThat(before).doesNotContain("getPinnedNote");
    assertThat(after).contains("public String getPinnedNote()", "SERIALIZED_NAME_PINNED_NOTE = \"pinnedNote\"");
  }

  @Test
  void anInvalidSpecFailsGeneration(@TempDir Path tmp) throws Exception {
    JsonObject spec = JsonParser.parseString(Files.readString(SPEC)).getAsJsonObject();
    // a response without its required description, and a reference to a schema that does not exist
    spec.getAsJsonObject("paths").getAsJsonObject("/api/health").getAsJsonObject("get")
        .getAsJsonObject("responses").getAsJsonObject("200").remove("description");
    JsonObject ref = new JsonObject();
    ref.addProperty("$ref", "#/components/schemas/DoesNotExist");
    spec.getAsJsonObject("components").getAsJsonObject("schemas").getAsJsonObject("Conversation")
        .getAsJsonObject("properties").add("broken", ref);
    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, spec.toString());

    assertThatThrownBy(() -> generateModel(broken, tmp.resolve("out"), "Conversation"))
        .isInstanceOf(org.openapitools.codegen.SpecValidationException.class)
        .hasMessageContaining("responses.200.description is missing");
  }

  /** Generates one model with the execution configuration of the generated module's pom and returns its source. */
  static String generateModel(Path spec, Path out, String model) throws Exception {
    Element config = pluginConfiguration();
    CodegenConfigurator c = new CodegenConfigurator()
        .setGeneratorName(text(config, "generatorName"))
        .setLibrary(text(config, "library"))
        .setInputSpec(spec.toAbsolutePath().toString())
        .setOutputDir(out.toString())
        .setApiPackage(text(config, "apiPackage"))
        .setModelPackage(text(config, "modelPackage"))
        .setInvokerPackage(text(config, "invokerPackage"))
        .setValidateSpec(!Boolean.parseBoolean(text(config, "skipValidateSpec")))
        .addGlobalProperty("models", model)
        .addGlobalProperty("modelDocs", "false")
        .addGlobalProperty("modelTests", "false");
    pairs(text(config, "typeMappings")).forEach(c::addTypeMapping);
    pairs(text(config, "importMappings")).forEach(c::addImportMapping);
    NodeList options = ((Element) config.getElementsByTagName("configOptions").item(0)).getChildNodes();
    for (int i = 0; i < options.getLength(); i++) {
      if (options.item(i).getNodeType() == Node.ELEMENT_NODE) {
        c.addAdditionalProperty(options.item(i).getNodeName(), options.item(i).getTextContent().trim());
      }
    }
    new DefaultGenerator().opts(c.toClientOptInput()).generate();
    try (Stream<Path> files = Files.walk(out)) {
      Path file = files.filter(p -> p.getFileName().toString().equals(model + ".java")).findFirst().orElseThrow();
      return Files.readString(file, StandardCharsets.UTF_8);
    }
  }

  private static Element pluginConfiguration() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(GENERATED_POM.toFile());
    NodeList executions = pom.getElementsByTagName("execution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element e = (Element) executions.item(i);
      if (text(e, "id").equals("generate-atlas-client")) {
        return (Element) e.getElementsByTagName("configuration").item(0);
      }
    }
    throw new IOException("No generate-atlas-client execution in " + GENERATED_POM);
  }

  private static String text(Element parent, String tag) {
    NodeList n = parent.getElementsByTagName(tag);
    return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
  }

  private static Map<String, String> pairs(String csv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : csv.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        m.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return m;
  }
}
