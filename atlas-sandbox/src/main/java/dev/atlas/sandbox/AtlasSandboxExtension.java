package dev.atlas.sandbox;

import dev.atlas.client.AtlasClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension of the testing kit: starts one {@link AtlasSandbox} per test class and
 * injects it, and an {@link AtlasClient} pointed at it, into test methods and constructors.
 *
 * <pre>{@code
 * @WithAtlasSandbox
 * class RevenueReportTest {
 *   @Test
 *   void reportsRevenue(AtlasClient atlas, AtlasSandbox sandbox) {
 *     sandbox.injectFault(Fault.RATE_LIMIT);   // or per request: header X-Sandbox-Fault
 *     ...
 *   }
 * }
 * }</pre>
 */
public final class AtlasSandboxExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AtlasSandboxExtension.class);

  /** Creates the extension; JUnit does this for {@link WithAtlasSandbox}. */
  public AtlasSandboxExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    sandbox(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    AtlasClient client = context.getStore(NS).remove("client", AtlasClient.class);
    if (client != null) {
      client.close();
    }
    AtlasSandbox sandbox = context.getStore(NS).remove("sandbox", AtlasSandbox.class);
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == AtlasSandbox.class || type == AtlasClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    AtlasSandbox sandbox = sandbox(context);
    if (parameter.getParameter().getType() == AtlasSandbox.class) {
      return sandbox;
    }
    return classStore(context).getOrComputeIfAbsent("client",
        k -> AtlasClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build(), AtlasClient.class);
  }

  private static ExtensionContext.Store classStore(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c.getStore(NS);
  }

  private static AtlasSandbox sandbox(ExtensionContext context) {
    return classStore(context).getOrComputeIfAbsent("sandbox", k -> AtlasSandbox.start(), AtlasSandbox.class);
  }
}
