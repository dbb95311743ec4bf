package dev.atlas.build;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.config.Options;
import japicmp.model.AccessModifier;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiConstructor;
import japicmp.model.JApiField;
import japicmp.model.JApiMethod;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Java API's compatibility guard as the build runs it (japicmp against api-baseline/, binary
 * and source compatibility of public and protected members), with each module's own includes and
 * excludes read from its pom, so these tests check what the build checks.
 */
final class ApiGuard {
  static final String PLUGIN = "japicmp-maven-plugin";

  private ApiGuard() {}

  /** @return the released jar the module must stay compatible with */
  static Path baseline(String artifactId) throws Exception {
    String version = BuildLayoutTest.read("../pom.xml").getElementsByTagName("api.baseline.version").item(0)
        .getTextContent().trim();
    return Path.of("../api-baseline", version, artifactId + "-" + version + ".jar");
  }

  /** @return the jar this build packaged (module directory = artifactId) */
  static Path built(String artifactId) throws Exception {
    return Path.of("..", artifactId, "target", artifactId + "-" + ReleaseBundleTest.version() + ".jar");
  }

  /** @return the artifactIds of the modules whose pom runs the guard (module directory = artifactId) */
  static List<String> guardedModules() throws Exception {
    List<String> out = new ArrayList<>();
    NodeList modules = BuildLayoutTest.read("../pom.xml").getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      String dir = modules.item(i).getTextContent().trim();
      if (plugin(dir) != null) {
        out.add(BuildLayoutTest.child(BuildLayoutTest.read("../" + dir + "/pom.xml").getDocumentElement(), "artifactId"));
      }
    }
    return out;
  }

  /** @return the module's japicmp-maven-plugin element, or null when its pom does not run it */
  static Element plugin(String module) throws Exception {
    NodeList ids = BuildLayoutTest.read("../" + module + "/pom.xml").getElementsByTagName("artifactId");
    for (int i = 0; i < ids.getLength(); i++) {
      if (ids.item(i).getTextContent().trim().equals(PLUGIN) && ids.item(i).getParentNode() instanceof Element p
          && p.getTagName().equals("plugin")) {
        return p;
      }
    }
    return null;
  }

  /** @return the module's {@code <include>} or {@code <exclude>} values for the guard */
  static List<String> filters(String module, String tag) throws Exception {
    List<String> out = new ArrayList<>();
    Element plugin = plugin(module);
    NodeList nodes = plugin == null ? null : plugin.getElementsByTagName(tag);
    for (int i = 0; nodes != null && i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().trim());
    }
    return out;
  }

  /** @return the breaking changes of {@code newJar} against the module's baseline, with its pom's filters */
  static List<String> breaking(String module, Path newJar) throws Exception {
    return breaking(baseline(module), newJar, filters(module, "include"), filters(module, "exclude"));
  }

  /** @return "class.member: changes" for every change that breaks binary or source compatibility */
  static List<String> breaking(Path oldJar, Path newJar, List<String> includes, List<String> excludes) {
    Options filters = Options.newDefault();
    filters.addIncludeFromArgument(Optional.of(String.join(";", includes)), false);
    filters.addExcludeFromArgument(Optional.of(String.join(";", excludes)), false);
    JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
    options.getFilters().getIncludes().addAll(filters.getIncludes());
    options.getFilters().getExcludes().addAll(filters.getExcludes());
    options.setAccessModifier(AccessModifier.PROTECTED); // what users can reach, as the Maven plugin
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      options.getClassPathEntries().add(e);
    }
    // the starter's supertypes are Spring's, which build-checks does not bring (its own build has them)
    options.getIgnoreMissingClasses().setIgnoreMissingClassRegularExpression(
        List.of(Pattern.compile("org\\.springframework\\..*"), Pattern.compile("io\\.micrometer\\..*")));
    List<JApiClass> classes = new JarArchiveComparator(options).compare(new JApiCmpArchive(oldJar.toFile(), "old"),
        new JApiCmpArchive(newJar.toFile(), "new"));
    List<String> out = new ArrayList<>();
    for (JApiClass c : classes) {
      if (c.isBinaryCompatible() && c.isSourceCompatible() || insidePackagePrivateClass(c)) {
        continue;
      }
      for (JApiMethod m : c.getMethods()) {
        if ((!m.isBinaryCompatible() || !m.isSourceCompatible()) && !m.getCompatibilityChanges().isEmpty()) {
          out.add(c.getFullyQualifiedName() + "." + m.getName() + ": " + types(m.getCompatibilityChanges()));
        }
      }
      for (JApiConstructor k : c.getConstructors()) {
        boolean wasReachable = k.getAccessModifier().getOldModifier()
            .map(a -> a == AccessModifier.PUBLIC || a == AccessModifier.PROTECTED).orElse(false);
        if (wasReachable && (!k.isBinaryCompatible() || !k.isSourceCompatible()) && !k.getCompatibilityChanges().isEmpty()) {
          out.add(c.getFullyQualifiedName() + ".<init>: " + types(k.getCompatibilityChanges()));
        }
      }
      for (JApiField f : c.getFields()) {
        if ((!f.isBinaryCompatible() || !f.isSourceCompatible()) && !f.getCompatibilityChanges().isEmpty()) {
          out.add(c.getFullyQualifiedName() + "." + f.getName() + ": " + types(f.getCompatibilityChanges()));
        }
      }
      if (!c.getCompatibilityChanges().isEmpty()) { // the class itself changed (removed, made final, ...)
        out.add(c.getFullyQualifiedName() + ": " + types(c.getCompatibilityChanges()));
      }
    }
    return out;
  }

  /** @return the change types, e.g. {@code [METHOD_REMOVED]} */
  static String types(List<JApiCompatibilityChange> changes) {
    return changes.stream().map(c -> c.getType().name()).toList().toString();
  }

  /** @return whether the class is nested in a class users cannot reach (public in its flags only) */
  static boolean insidePackagePrivateClass(JApiClass c) {
    try {
      javassist.CtClass old = c.getOldClass().or(c::getNewClass).orElse(null);
      for (javassist.CtClass outer = old == null ? null : old.getDeclaringClass(); outer != null;
          outer = outer.getDeclaringClass()) {
        if (!javassist.Modifier.isPublic(outer.getModifiers())) {
          return true;
        }
      }
      return false;
    } catch (javassist.NotFoundException e) {
      return false;
    }
  }

  /** Copies a jar, passing the class file {@code entryName} through the given class visitor. */
  static Path rewrite(Path jar, String entryName, Path out, UnaryOperator<ClassVisitor> change) throws IOException {
    boolean found = false;
    try (ZipFile in = new ZipFile(jar.toFile()); OutputStream os = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        byte[] bytes;
        try (InputStream is = in.getInputStream(entry)) {
          bytes = is.readAllBytes();
        }
        if (entry.getName().equals(entryName)) {
          ClassWriter w = new ClassWriter(0);
          new ClassReader(bytes).accept(change.apply(w), 0);
          bytes = w.toByteArray();
          found = true;
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    if (!found) {
      throw new IllegalArgumentException(entryName + " is not in " + jar);
    }
    return out;
  }
}
