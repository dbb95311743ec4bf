package dev.atlas.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.JApiClass;
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
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The Java API's compatibility guard, as the build runs it (japicmp, binary and source
 * compatibility of public and protected members against api-baseline/): the current jars pass,
 * a jar whose {@code AtlasClient} lost a public method fails naming it, and one that gained a
 * method passes.
 */
class ApiCompatibilityTest {
  static final String CLIENT = "dev/atlas/client/AtlasClient.class";

  @TempDir
  Path dir;

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

  /** @return "class.member: change" for every change that breaks binary or source compatibility */
  static List<String> breaking(Path oldJar, Path newJar) {
    JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
    options.setAccessModifier(japicmp.model.AccessModifier.PROTECTED); // what users can reach, as the Maven plugin
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      options.getClassPathEntries().add(e);
    }
    List<JApiClass> classes = new JarArchiveComparator(options).compare(new JApiCmpArchive(oldJar.toFile(), "old"),
        new JApiCmpArchive(newJar.toFile(), "new"));
    List<String> out = new ArrayList<>();
    for (JApiClass c : classes) {
      if (c.isBinaryCompatible() && c.isSourceCompatible() || insidePackagePrivateClass(c)) {
        continue;
      }
      for (JApiMethod m : c.getMethods()) {
        if ((!m.isBinaryCompatible() || !m.isSourceCompatible()) && !m.getCompatibilityChanges().isEmpty()) {
          out.add(c.getFullyQualifiedName() + "." + m.getName() + ": " + m.getCompatibilityChanges());
        }
      }
      for (japicmp.model.JApiConstructor k : c.getConstructors()) {
        boolean wasReachable = k.getAccessModifier().getOldModifier()
            .map(a -> a == japicmp.model.AccessModifier.PUBLIC || a == japicmp.model.AccessModifier.PROTECTED)
            .orElse(false);
        if (wasReachable && (!k.isBinaryCompatible() || !k.isSourceCompatible()) && !k.getCompatibilityChanges().isEmpty()) {
          out.add(c.getFullyQualifiedName() + ".<init>: " + k.getCompatibilityChanges());
        }
      }
      if (!c.getCompatibilityChanges().isEmpty()) { // the class itself changed (removed, made final, ...)
        out.add(c.getFullyQualifiedName() + ": " + c.getCompatibilityChanges());
      }
    }
    return out;
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

  @Test
  void theBuiltJarsAreCompatibleWithTheReleasedApi() throws Exception {
    for (String artifactId : List.of("atlas-client", "atlas-sandbox")) {
      assumeTrue(Files.exists(built(artifactId)), "needs the packaged jars (mvn verify)");
      assertThat(breaking(baseline(artifactId), built(artifactId))).as(artifactId).isEmpty();
    }
  }

  @Test
  void removingAPublicMethodBreaksAndIsNamed() throws Exception {
    Path client = built("atlas-client");
    assumeTrue(Files.exists(client), "needs the packaged jars (mvn verify)");
    Path mutated = rewrite(client, dir.resolve("removed.jar"), w -> new ClassVisitor(Opcodes.ASM9, w) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
        return name.equals("health") ? null : super.visitMethod(access, name, desc, signature, exceptions);
      }
    });
    assertThat(breaking(baseline("atlas-client"), mutated)).isNotEmpty()
        .allMatch(s -> s.startsWith("dev.atlas.client.AtlasClient.health: ") && s.contains("METHOD_REMOVED"));
  }

  @Test
  void addingAPublicMethodDoesNotBreak() throws Exception {
    Path client = built("atlas-client");
    assumeTrue(Files.exists(client), "needs the packaged jars (mvn verify)");
    Path mutated = rewrite(client, dir.resolve("added.jar"), w -> new ClassVisitor(Opcodes.ASM9, w) {
      @Override
      public void visitEnd() {
        MethodVisitor m = super.visitMethod(Opcodes.ACC_PUBLIC, "addedInATest", "()V", null, null);
        m.visitCode();
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 1);
        m.visitEnd();
        super.visitEnd();
      }
    });
    assertThat(breaking(baseline("atlas-client"), mutated)).isEmpty();
  }

  /** Copies a jar, passing {@code AtlasClient.class} through the given class visitor. */
  static Path rewrite(Path jar, Path out, UnaryOperator<ClassVisitor> change) throws IOException {
    try (ZipFile in = new ZipFile(jar.toFile()); OutputStream os = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        byte[] bytes;
        try (InputStream is = in.getInputStream(entry)) {
          bytes = is.readAllBytes();
        }
        if (entry.getName().equals(CLIENT)) {
          ClassWriter w = new ClassWriter(0);
          new ClassReader(bytes).accept(change.apply(w), 0);
          bytes = w.toByteArray();
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    return out;
  }
}
