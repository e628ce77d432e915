package dev.wheeltapper.pep508;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of the PEP 508 marker variables for one target interpreter and platform, plus the {@code extra} being
 * evaluated (empty when none).
 *
 * <p>Build one explicitly (the library never inspects the running JVM's platform, since the target is a Python
 * interpreter, usually elsewhere):
 *
 * <pre>{@code
 * Environment linux312 = Environment.builder()
 *     .osName("posix").sysPlatform("linux").platformMachine("x86_64")
 *     .platformPythonImplementation("CPython").platformSystem("Linux")
 *     .pythonVersion("3.12").pythonFullVersion("3.12.1")
 *     .implementationName("cpython").implementationVersion("3.12.1")
 *     .build();
 * Environment same = Environment.of(Map.of("python_version", "3.12", "sys_platform", "linux"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param osName {@code os_name}, for example {@code posix}
 * @param sysPlatform {@code sys_platform}, for example {@code linux}
 * @param platformMachine {@code platform_machine}, for example {@code x86_64}
 * @param platformPythonImplementation {@code platform_python_implementation}, for example {@code CPython}
 * @param platformRelease {@code platform_release}, for example {@code 6.1.0-13-amd64}
 * @param platformSystem {@code platform_system}, for example {@code Linux}
 * @param platformVersion {@code platform_version}, for example {@code #1 SMP Debian 6.1.55-1}
 * @param pythonVersion {@code python_version}, for example {@code 3.12}
 * @param pythonFullVersion {@code python_full_version}, for example {@code 3.12.1}
 * @param implementationName {@code implementation_name}, for example {@code cpython}
 * @param implementationVersion {@code implementation_version}, for example {@code 3.12.1}
 * @param extra {@code extra}: the extra whose dependencies are being evaluated, or empty
 */
public record Environment(
    String osName,
    String sysPlatform,
    String platformMachine,
    String platformPythonImplementation,
    String platformRelease,
    String platformSystem,
    String platformVersion,
    String pythonVersion,
    String pythonFullVersion,
    String implementationName,
    String implementationVersion,
    String extra) {

  /** The canonical PEP 508 variable names, in record component order. */
  public static final List<String> VARIABLES =
      List.of(
          "os_name",
          "sys_platform",
          "platform_machine",
          "platform_python_implementation",
          "platform_release",
          "platform_system",
          "platform_version",
          "python_version",
          "python_full_version",
          "implementation_name",
          "implementation_version",
          "extra");

  /** Rejects nulls; use the empty string for an unknown value. */
  public Environment {
    Objects.requireNonNull(osName, "osName");
    Objects.requireNonNull(sysPlatform, "sysPlatform");
    Objects.requireNonNull(platformMachine, "platformMachine");
    Objects.requireNonNull(platformPythonImplementation, "platformPythonImplementation");
    Objects.requireNonNull(platformRelease, "platformRelease");
    Objects.requireNonNull(platformSystem, "platformSystem");
    Objects.requireNonNull(platformVersion, "platformVersion");
    Objects.requireNonNull(pythonVersion, "pythonVersion");
    Objects.requireNonNull(pythonFullVersion, "pythonFullVersion");
    Objects.requireNonNull(implementationName, "implementationName");
    Objects.requireNonNull(implementationVersion, "implementationVersion");
    Objects.requireNonNull(extra, "extra");
  }

  /**
   * An environment from variable names to values. Names are the canonical ones of {@link #VARIABLES}; a missing
   * variable is the empty string.
   *
   * @param values variable name to value
   * @return the environment
   * @throws IllegalArgumentException if a name is not a PEP 508 variable
   */
  public static Environment of(Map<String, String> values) {
    Builder b = builder();
    for (Map.Entry<String, String> e : values.entrySet()) {
      b.set(e.getKey(), e.getValue());
    }
    return b.build();
  }

  /**
   * A builder with every variable empty.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this environment's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(asMap());
    return b;
  }

  /**
   * This environment with another {@code extra}.
   *
   * @param extraName the extra being evaluated, or empty for none
   * @return the new environment
   */
  public Environment withExtra(String extraName) {
    return toBuilder().extra(extraName).build();
  }

  /**
   * The variables as a map from canonical name to value, in {@link #VARIABLES} order.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String name : VARIABLES) {
      m.put(name, get(name));
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The value of a variable by canonical name.
   *
   * @param name for example {@code python_version}
   * @return the value
   * @throws IllegalArgumentException if the name is not a PEP 508 variable
   */
  public String get(String name) {
    switch (name) {
      case "os_name":
        return osName;
      case "sys_platform":
        return sysPlatform;
      case "platform_machine":
        return platformMachine;
      case "platform_python_implementation":
        return platformPythonImplementation;
      case "platform_release":
        return platformRelease;
      case "platform_system":
        return platformSystem;
      case "platform_version":
        return platformVersion;
      case "python_version":
        return pythonVersion;
      case "python_full_version":
        return pythonFullVersion;
      case "implementation_name":
        return implementationName;
      case "implementation_version":
        return implementationVersion;
      case "extra":
        return extra;
      default:
        throw new IllegalArgumentException("not a PEP 508 marker variable: " + name);
    }
  }

  /** Collects variable values; every variable starts empty. Not thread-safe. */
  public static final class Builder {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets a variable by canonical name.
     *
     * @param name for example {@code python_version}
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the name is not a PEP 508 variable
     */
    public Builder set(String name, String value) {
      Objects.requireNonNull(value, name);
      if (!VARIABLES.contains(name)) {
        throw new IllegalArgumentException("not a PEP 508 marker variable: " + name);
      }
      values.put(name, value);
      return this;
    }

    /**
     * Sets {@code os_name}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder osName(String v) {
      return set("os_name", v);
    }

    /**
     * Sets {@code sys_platform}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder sysPlatform(String v) {
      return set("sys_platform", v);
    }

    /**
     * Sets {@code platform_machine}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder platformMachine(String v) {
      return set("platform_machine", v);
    }

    /**
     * Sets {@code platform_python_implementation}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder platformPythonImplementation(String v) {
      return set("platform_python_implementation", v);
    }

    /**
     * Sets {@code platform_release}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder platformRelease(String v) {
      return set("platform_release", v);
    }

    /**
     * Sets {@code platform_system}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder platformSystem(String v) {
      return set("platform_system", v);
    }

    /**
     * Sets {@code platform_version}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder platformVersion(String v) {
      return set("platform_version", v);
    }

    /**
     * Sets {@code python_version}.
     *
     * @param v the value, for example {@code 3.12}
     * @return this builder
     */
    public Builder pythonVersion(String v) {
      return set("python_version", v);
    }

    /**
     * Sets {@code python_full_version}.
     *
     * @param v the value, for example {@code 3.12.1}
     * @return this builder
     */
    public Builder pythonFullVersion(String v) {
      return set("python_full_version", v);
    }

    /**
     * Sets {@code implementation_name}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder implementationName(String v) {
      return set("implementation_name", v);
    }

    /**
     * Sets {@code implementation_version}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder implementationVersion(String v) {
      return set("implementation_version", v);
    }

    /**
     * Sets {@code extra}.
     *
     * @param v the extra name, or empty
     * @return this builder
     */
    public Builder extra(String v) {
      return set("extra", v);
    }

    /**
     * Builds the environment.
     *
     * @return the environment
     */
    public Environment build() {
      return new Environment(
          values.getOrDefault("os_name", ""),
          values.getOrDefault("sys_platform", ""),
          values.getOrDefault("platform_machine", ""),
          values.getOrDefault("platform_python_implementation", ""),
          values.getOrDefault("platform_release", ""),
          values.getOrDefault("platform_system", ""),
          values.getOrDefault("platform_version", ""),
          values.getOrDefault("python_version", ""),
          values.getOrDefault("python_full_version", ""),
          values.getOrDefault("implementation_name", ""),
          values.getOrDefault("implementation_version", ""),
          values.getOrDefault("extra", ""));
    }
  }
}
