package dev.wheeltapper.hardening;

import dev.wheeltapper.bytes.NativeFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The one validation of a format record's results: exactly the format's own checks, each filed under its check. */
final class OwnChecks {
  private OwnChecks() {}

  static Map<HardeningCheck, CheckResult> copy(NativeFormat format, Map<HardeningCheck, CheckResult> results) {
    Objects.requireNonNull(results, "results");
    EnumMap<HardeningCheck, CheckResult> copy = new EnumMap<>(HardeningCheck.class);
    for (HardeningCheck c : HardeningCheck.values()) {
      CheckResult r = results.get(c);
      if (c.appliesTo(format)) {
        if (r == null || r.check() != c) {
          throw new IllegalArgumentException("missing or misfiled result for " + c);
        }
        copy.put(c, r);
      } else if (r != null) {
        throw new IllegalArgumentException(c + " is not a check of " + format.label());
      }
    }
    return Collections.unmodifiableMap(copy);
  }
}
