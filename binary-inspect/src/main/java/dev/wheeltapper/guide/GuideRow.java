package dev.wheeltapper.guide;

import java.util.Objects;

/**
 * One option of the guide judged for one binary: JSON {@code {option, status, channel, evidence}}.
 *
 * <pre>{@code
 * GuideRow r = profile.row(GuideOption.RELRO_NOW).orElseThrow();
 * r.option().option();   // "-Wl,-z,relro -Wl,-z,now"
 * r.status();            // MET
 * r.evidence();          // "PT_GNU_RELRO and BIND_NOW: full RELRO"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param option the option
 * @param status how the binary stands
 * @param channel where the evidence was read
 * @param evidence the evidence, the reason ({@code not-applicable}) or what would have told ({@code undeterminable});
 *     may quote names from the binary, so renderers escape it
 */
public record GuideRow(GuideOption option, GuideStatus status, GuideChannel channel, String evidence) {
  /** Rejects nulls. */
  public GuideRow {
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(evidence, "evidence");
  }
}
