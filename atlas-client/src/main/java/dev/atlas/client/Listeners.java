package dev.atlas.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What happens when a listener throws: one warning per listener class, then silence; the call goes on. */
final class Listeners {
  private static final System.Logger LOG = System.getLogger("dev.atlas.client");
  private static final Set<Class<?>> WARNED = ConcurrentHashMap.newKeySet();

  private Listeners() {}

  static void failed(AtlasListener listener, RuntimeException e) {
    if (WARNED.add(listener.getClass())) {
      LOG.log(System.Logger.Level.WARNING, "AtlasListener " + listener.getClass().getName()
          + " threw; the call goes on and further failures of this listener are not logged", e);
    }
  }
}
