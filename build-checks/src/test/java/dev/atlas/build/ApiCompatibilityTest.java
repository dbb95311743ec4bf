package dev.atlas.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The Java API's compatibility guard, as the build runs it (see {@link ApiGuard}): every released
 * module is guarded and its current jar passes, a jar whose {@code AtlasClient} lost a public
 * method fails naming it, and one that gained a method passes.
 */
class ApiCompatibilityTest {
  static final String CLIENT = "dev/atlas/client/AtlasClient.class";

  @TempDir
  Path dir;

  /** The modules with a public Java API that 1.x promises each have a baseline and run the guard. */
  @Test
  void everyReleasedJavaApiIsGuarded() throws Exception {
    List<String> guarded = ApiGuard.guardedModules();
    assertThat(guarded).containsExactlyInAnyOrder("atlas-types", "atlas-client-generated", "atlas-client",
        "atlas-sandbox", "atlas-spring-boot-starter");
    for (String artifactId : guarded) {
      assertThat(ApiGuard.baseline(artifactId)).as(artifactId + " baseline").exists();
    }
  }

  @Test
  void theBuiltJarsAreCompatibleWithTheReleasedApi() throws Exception {
    for (String artifactId : ApiGuard.guardedModules()) {
      assumeTrue(Files.exists(ApiGuard.built(artifactId)), "needs the packaged jars (mvn verify)");
      assertThat(ApiGuard.breaking(artifactId, ApiGuard.built(artifactId))).as(artifactId).isEmpty();
    }
  }

  @Test
  void removingAPublicMethodBreaksAndIsNamed() throws Exception {
    Path client = ApiGuard.built("atlas-client");
    assumeTrue(Files.exists(client), "needs the packaged jars (mvn verify)");
    Path mutated = ApiGuard.rewrite(client, CLIENT, dir.resolve("removed.jar"), w -> new ClassVisitor(Opcodes.ASM9, w) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
        return name.equals("health") ? null : super.visitMethod(access, name, desc, signature, exceptions);
      }
    });
    assertThat(ApiGuard.breaking("atlas-client", mutated)).isNotEmpty()
        .allMatch(s -> s.startsWith("dev.atlas.client.AtlasClient.health: ") && s.contains("METHOD_REMOVED"));
  }

  @Test
  void addingAPublicMethodDoesNotBreak() throws Exception {
    Path client = ApiGuard.built("atlas-client");
    assumeTrue(Files.exists(client), "needs the packaged jars (mvn verify)");
    Path mutated = ApiGuard.rewrite(client, CLIENT, dir.resolve("added.jar"), w -> new ClassVisitor(Opcodes.ASM9, w) {
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
    assertThat(ApiGuard.breaking("atlas-client", mutated)).isEmpty();
  }
}
