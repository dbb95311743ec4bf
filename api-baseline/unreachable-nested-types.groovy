// japicmp post-analysis (every guarded module): a type nested, at any depth, in a class that is not
// public is out of users' reach whatever its own flags say, so the guard does not count it. 1.0.0
// declared a few such types public inside package-private engine classes; 1.1 made them
// package-private, which is no change for users. build-checks' ApiGuard applies the same rule.
import javassist.Modifier
import javassist.NotFoundException

def unreachable = { c ->
  def type = c.oldClass.isPresent() ? c.oldClass.get() : (c.newClass.isPresent() ? c.newClass.get() : null)
  try {
    for (def outer = type?.declaringClass; outer != null; outer = outer.declaringClass) {
      if (!Modifier.isPublic(outer.modifiers)) {
        return true
      }
    }
  } catch (NotFoundException ignored) {
    return false
  }
  return false
}
jApiClasses.removeIf(unreachable)
return jApiClasses
