package dev.atlas.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The generated models are public API (atlas-client's methods take and return them), so the guard
 * covers them: a copy of the built atlas-client-generated jar changed as an openapi-generator
 * upgrade or a spec edit could change it fails, naming the member. The generated {@code api} and
 * {@code invoker} packages are the facade's seam, not promised to users: outside the guard.
 */
class GeneratedModelCompatibilityTest {
  static final String MODULE = "atlas-client-generated";
  static final String MODEL = "dev/atlas/client/generated/model/";

  @TempDir
  Path dir;

  Path generated;

  @BeforeEach
  void packaged() throws Exception {
    generated = ApiGuard.built(MODULE);
    assumeTrue(Files.exists(generated), "needs the packaged jars (mvn verify)");
  }

  /** As openapi-generator 7.0.1 did to {@code Conversation.getNotebookState()}: a getter's type changes. */
  @Test
  void aModelGetterWhoseTypeChangedBreaksAndIsNamed() throws Exception {
    Path mutated = ApiGuard.rewrite(generated, MODEL + "QueryResponse.class", dir.resolve("getter.jar"),
        w -> new ClassVisitor(Opcodes.ASM9, w) {
          @Override
          public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            return name.equals("getSql")
                ? super.visitMethod(access, name, "()Ljava/util/Collection;", null, exceptions)
                : super.visitMethod(access, name, desc, signature, exceptions);
          }
        });
    assertThat(ApiGuard.breaking(MODULE, mutated)).isNotEmpty()
        .allMatch(s -> s.startsWith("dev.atlas.client.generated.model.QueryResponse.getSql: ")
            && s.contains("METHOD_RETURN_TYPE_CHANGED"));
  }

  /** As openapi-generator 7.0.1 did to every enum's {@code validateJsonElement(JsonElement)}. */
  @Test
  void aModelMethodThatDisappearedBreaksAndIsNamed() throws Exception {
    Path mutated = ApiGuard.rewrite(generated, MODEL + "HealthStatus.class", dir.resolve("method.jar"),
        w -> new ClassVisitor(Opcodes.ASM9, w) {
          @Override
          public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            return name.equals("validateJsonElement") ? null : super.visitMethod(access, name, desc, signature, exceptions);
          }
        });
    assertThat(ApiGuard.breaking(MODULE, mutated)).containsExactly(
        "dev.atlas.client.generated.model.HealthStatus.validateJsonElement: [METHOD_REMOVED]");
  }

  @Test
  void aModelConstantThatDisappearedBreaksAndIsNamed() throws Exception {
    Path mutated = ApiGuard.rewrite(generated, MODEL + "QueryResponse.class", dir.resolve("field.jar"),
        w -> new ClassVisitor(Opcodes.ASM9, w) {
          @Override
          public FieldVisitor visitField(int access, String name, String desc, String signature, Object value) {
            return name.equals("SERIALIZED_NAME_ANSWER") ? null : super.visitField(access, name, desc, signature, value);
          }
        });
    assertThat(ApiGuard.breaking(MODULE, mutated)).containsExactly(
        "dev.atlas.client.generated.model.QueryResponse.SERIALIZED_NAME_ANSWER: [FIELD_REMOVED]");
  }

  /**
   * openapi-generator 7.20.0 writes no {@code ApiClient.setLocalDateTimeFormat(DateTimeFormatter)}
   * (7.25.0 does): the invoker is not promised, so the guard lets such a change pass.
   */
  @Test
  void theInvokerIsNotGuarded() throws Exception {
    Path mutated = ApiGuard.rewrite(generated, "dev/atlas/client/generated/invoker/ApiClient.class",
        dir.resolve("invoker.jar"), w -> new ClassVisitor(Opcodes.ASM9, w) {
          @Override
          public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            return name.equals("setLocalDateTimeFormat") ? null : super.visitMethod(access, name, desc, signature, exceptions);
          }
        });
    assertThat(ApiGuard.breaking(MODULE, mutated)).isEmpty();
    assertThat(ApiGuard.breaking(ApiGuard.baseline(MODULE), mutated, List.of(), List.of()))
        .as("the same jar against the whole baseline, without the module's include")
        .anyMatch(s -> s.startsWith("dev.atlas.client.generated.invoker.ApiClient.setLocalDateTimeFormat: "));
  }
}
