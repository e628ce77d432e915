package dev.wheeltapper.policy;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * abi3audit parity: in a wheel tagged {@code cpXY-abi3}, every {@code Py*} / {@code _Py*} symbol an extension imports
 * must be in the Stable ABI of Python X.Y or older, and the extension's file name should not carry a
 * version-specific suffix ({@code .cpython-311-x86_64-linux-gnu.so} instead of {@code .abi3.so}).
 *
 * <pre>{@code
 * Optional<Abi3Result> r = Abi3Check.check(filename.tags(), linkages);
 * r.ifPresent(a -> System.out.println(a.claimed() + " ok=" + a.ok()));
 * List<Finding> f = Abi3Check.findings(r.get());   // policy.abi3-violation errors
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Abi3Check {
  private static final Pattern CP = Pattern.compile("cp3(\\d{1,3})");
  private static final Pattern VERSIONED_SUFFIX =
      Pattern.compile(".*\\.(cpython-\\d+[a-z]*-[^.]*\\.so|cp\\d+-win[^.]*\\.pyd|cpython-\\d+[a-z]*-darwin\\.so)$");
  private static final Pattern VERSIONED_PYTHON_DLL = Pattern.compile("python3\\d+(_d)?\\.dll");
  /** At most this many violations are reported per extension. */
  private static final int MAX_PER_EXTENSION = 200;

  private Abi3Check() {}

  /**
   * The oldest Python version among the wheel's abi3 tags.
   *
   * @param tags the wheel's tags
   * @return {@code cp38} for {@code cp38-abi3-...}, empty when no tag is a CPython abi3 tag
   */
  public static Optional<String> claimed(List<Tag> tags) {
    Integer min = null;
    for (Tag t : tags) {
      Matcher m = CP.matcher(t.interpreter());
      if (t.abi().equals("abi3") && m.matches()) {
        int minor = Integer.parseInt(m.group(1));
        min = min == null ? minor : Math.min(min, minor);
      }
    }
    return Optional.ofNullable(min).map(v -> "cp3" + v);
  }

  /**
   * Checks the extensions of a wheel against its abi3 claim, with the bundled Stable ABI list.
   *
   * @param tags the wheel's tags
   * @param binaries the ELF binaries of the wheel
   * @return the verdict, empty when the wheel makes no abi3 claim
   */
  public static Optional<Abi3Result> check(List<Tag> tags, List<BinaryLinkage> binaries) {
    return check(tags, binaries, StableAbi.bundled());
  }

  /**
   * Checks the extensions of a wheel against its abi3 claim.
   *
   * @param tags the wheel's tags
   * @param binaries the ELF binaries of the wheel
   * @param abi the Stable ABI list
   * @return the verdict, empty when the wheel makes no abi3 claim
   */
  public static Optional<Abi3Result> check(List<Tag> tags, List<BinaryLinkage> binaries, StableAbi abi) {
    Optional<String> claim = claimed(tags);
    if (claim.isEmpty()) {
      return Optional.empty();
    }
    String claimedVersion = "3." + claim.get().substring(3);
    List<Abi3Violation> violations = new ArrayList<>();
    int extensions = 0;
    for (BinaryLinkage b : binaries) {
      TreeSet<String> python = new TreeSet<>();
      for (String s : b.undefined()) {
        if (isPythonSymbol(s)) {
          python.add(s);
        }
      }
      for (String s : b.undefinedWeak()) {
        if (isPythonSymbol(s)) {
          python.add(s);
        }
      }
      boolean abi3Suffix = b.fileName().endsWith(".abi3.so") || b.fileName().endsWith(".pyd");
      boolean versioned = VERSIONED_SUFFIX.matcher(b.fileName()).matches();
      if (python.isEmpty() && !abi3Suffix && !versioned) {
        continue; // a helper library, not an extension module
      }
      extensions++;
      if (versioned) {
        violations.add(new Abi3Violation(b.path(), Optional.empty(), Optional.empty(), false,
            "the file name has a version-specific suffix in a " + claim.get() + "-abi3 wheel"));
      }
      for (String dll : b.needed()) {
        // Windows: the stable ABI lives in python3.dll; linking python3XY.dll ties the extension to one version.
        if (VERSIONED_PYTHON_DLL.matcher(dll.toLowerCase(java.util.Locale.ROOT)).matches()) {
          violations.add(new Abi3Violation(b.path(), Optional.empty(), Optional.empty(), abi3Suffix,
              "links " + dll + " instead of python3.dll, so it loads only on that Python version"));
        }
      }
      int n = 0;
      for (String s : python) {
        Optional<String> added = abi.addedIn(s);
        String reason;
        if (added.isEmpty()) {
          reason = s + " is not in the stable ABI";
        } else if (StableAbi.compareVersions(added.get(), claimedVersion) > 0) {
          reason = s + " was added to the stable ABI in " + added.get() + ", after " + claimedVersion;
        } else {
          continue;
        }
        if (n++ >= MAX_PER_EXTENSION) {
          break;
        }
        violations.add(new Abi3Violation(b.path(), Optional.of(s), added, abi3Suffix, reason));
      }
    }
    return Optional.of(new Abi3Result(claim.get(), violations.isEmpty(), extensions, violations));
  }

  /**
   * The {@code policy.abi3-violation} errors of a verdict: one per violation.
   *
   * @param result the verdict
   * @return the findings
   */
  public static List<Finding> findings(Abi3Result result) {
    List<Finding> out = new ArrayList<>();
    for (Abi3Violation v : result.violations()) {
      out.add(Finding.error(Codes.POLICY_ABI3_VIOLATION, v.path(), "The wheel is tagged " + result.claimed()
          + "-abi3, but " + v.reason() + (v.symbol().isPresent() && !v.abi3Suffix()
              ? " (and the file name does not say abi3)." : ".")));
    }
    return out;
  }

  private static boolean isPythonSymbol(String s) {
    return s.startsWith("Py") || s.startsWith("_Py");
  }
}
