package dev.atlas.client;

/**
 * Checks ids that become path segments. The generated code percent-encodes every id, so {@code /},
 * {@code ?}, {@code #}, {@code %}, spaces and non-ASCII text never change the path; the dot
 * segments {@code .} and {@code ..} pass through encoding unchanged and would be resolved by URL
 * normalisation, so they are refused here.
 */
final class PathIds {
  private PathIds() {}

  /**
   * Validates an id used as one path segment.
   *
   * @param what the parameter name, for the message
   * @param id the id
   * @return the id, unchanged
   * @throws NullPointerException if the id is null
   * @throws IllegalArgumentException if the id is blank or a dot segment
   */
  public static String check(String what, String id) {
    if (id == null) {
      throw new NullPointerException(what + " must not be null");
    }
    if (id.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException(what + " must not be a dot segment ('.' or '..')");
    }
    return id;
  }
}
