package dev.atlas.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API names only types a user may rely on. Reads every class this module built: each
 * public or protected member of each public type may name only JDK types, public types of the SDK
 * (the generated models included) and the documented escape hatches ({@code OkHttpClient} and
 * {@code Interceptor}, to pass your own HTTP client and interceptors). Gson appears only as its JSON
 * tree ({@code JsonElement} and its subclasses, e.g. an error's raw {@code body()}), which the
 * generated models already expose ({@code validateJsonElement(JsonElement)}).
 */
class PublicApiTest {
  private static final Set<String> ESCAPE_HATCHES = Set.of("okhttp3.OkHttpClient", "okhttp3.Interceptor");
  private static final Set<String> INTERNAL = Set.of("Transport", "RetryEngine", "Operation", "ErrorMapper",
      "ErrorEnvelope", "Json", "ClientContext", "Streaming", "BatchRunner", "FrameDecoder", "CredentialsInterceptor",
      "HeadersInterceptor", "HeaderChecks", "Secret", "PathIds", "Lazy", "RowsView", "CallTrace", "RawCapture", "Listeners",
      "LogListener", "HttpLog", "TransportFailure", "HandshakeTimeout", "ClientSettings", "SdkVersion", "OAuthCalls");
  /** The one internal package (documented as not API): the bridge of the MCP onboarding to the engine. */
  private static final String INTERNAL_PACKAGE = "dev.atlas.client.internal";

  static List<Class<?>> builtClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(AtlasClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".class")).toList();
    }
    for (Path p : files) {
      String name = root.relativize(p).toString().replace('/', '.').replace('\\', '.');
      if (name.endsWith("module-info.class")) {
        continue;
      }
      out.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
          PublicApiTest.class.getClassLoader()));
    }
    return out;
  }

  static boolean exported(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  @Test
  void publicSignaturesNameOnlyPublicSdkTypesTheJdkAndTheEscapeHatches() throws Exception {
    Set<String> problems = new TreeSet<>();
    int checked = 0;
    for (Class<?> c : builtClasses()) {
      if (!exported(c) || c.getPackageName().equals(INTERNAL_PACKAGE)) {
        continue;
      }
      List<Member> members = new ArrayList<>();
      members.addAll(List.of(c.getDeclaredMethods()));
      members.addAll(List.of(c.getDeclaredConstructors()));
      members.addAll(List.of(c.getDeclaredFields()));
      for (Member m : members) {
        int mod = m.getModifiers();
        boolean visible = Modifier.isPublic(mod) || (Modifier.isProtected(mod) && !Modifier.isFinal(c.getModifiers()));
        if (!visible || m.isSynthetic()) {
          continue;
        }
        checked++;
        for (Type t : typesOf(m)) {
          check(t, c.getName() + "." + m.getName(), problems);
        }
      }
      check(c.getGenericSuperclass(), c.getName() + " extends", problems);
      for (Type t : c.getGenericInterfaces()) {
        check(t, c.getName() + " implements", problems);
      }
    }
    assertThat(checked).as("public members checked").isGreaterThan(300);
    assertThat(problems).as("public signatures that name a type users must not depend on").isEmpty();
  }

  @Test
  void theTransportAndItsHelpersAreNotPublic() throws Exception {
    List<String> publicInternals = new ArrayList<>();
    for (Class<?> c : builtClasses()) {
      if (INTERNAL.contains(c.getSimpleName()) && Modifier.isPublic(c.getModifiers())) {
        publicInternals.add(c.getName());
      }
      if (c.getPackageName().contains(".internal")) {
        assertThat(c.getPackageName()).as(c.getName()).isEqualTo(INTERNAL_PACKAGE);
        assertThat(c.getName()).as("the internal package holds the MCP bridge only")
            .matches("dev\\.atlas\\.client\\.internal\\.(McpBridge(\\$\\w+)?|package-info)");
      }
    }
    assertThat(publicInternals).isEmpty();
    Method of = AtlasStream.class.getDeclaredMethod("of", okhttp3.Call.class, okhttp3.Response.class, int.class,
        CallTrace.class);
    assertThat(Modifier.isPublic(of.getModifiers())).as("AtlasStream.of").isFalse();
    for (Constructor<?> k : Page.class.getDeclaredConstructors()) {
      assertThat(Modifier.isPublic(k.getModifiers())).as("new Page(...)").isFalse();
    }
  }

  private static List<Type> typesOf(Member m) {
    List<Type> out = new ArrayList<>();
    if (m instanceof Executable e) {
      out.addAll(List.of(e.getGenericParameterTypes()));
      out.addAll(List.of(e.getGenericExceptionTypes()));
      out.addAll(List.of(e.getTypeParameters()));
      if (e instanceof Method method) {
        out.add(method.getGenericReturnType());
      }
    } else if (m instanceof Field f) {
      out.add(f.getGenericType());
    }
    return out;
  }

  private static void check(Type t, String where, Set<String> problems) {
    if (t == null) {
      return;
    }
    if (t instanceof ParameterizedType p) {
      check(p.getRawType(), where, problems);
      for (Type a : p.getActualTypeArguments()) {
        check(a, where, problems);
      }
    } else if (t instanceof GenericArrayType g) {
      check(g.getGenericComponentType(), where, problems);
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        check(b, where, problems);
      }
      for (Type b : w.getLowerBounds()) {
        check(b, where, problems);
      }
    } else if (t instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        if (b != Object.class) {
          check(b, where, problems);
        }
      }
    } else if (t instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      String n = c.getName();
      boolean ok = c.isPrimitive() || n.startsWith("java.") || ESCAPE_HATCHES.contains(n)
          || com.google.gson.JsonElement.class.isAssignableFrom(c)
          || (n.startsWith("dev.atlas.client.") && exported(c) && !n.startsWith("dev.atlas.client.generated.invoker")
              && !n.startsWith("dev.atlas.client.generated.api") && !c.getPackageName().equals(INTERNAL_PACKAGE));
      if (!ok) {
        problems.add(where + " names " + n);
      }
    }
  }
}
