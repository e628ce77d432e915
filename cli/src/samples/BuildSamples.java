/*
 * Builds the sample wheels bundled in wheeltapper.jar, from the project's own sources only: the recipe of prebuilt/.
 *
 * The examples build does not run it: it copies prebuilt/ (four wheels and index.txt, committed) into the jar, so a
 * build needs only the JDK. Rebuild them with scripts/build-samples.sh OUTDIR, which runs this file as a single-file
 * Java program in a temporary work directory:
 *   java BuildSamples.java SAMPLES_SRC WORK_DIR OUT_DIR
 * OUT_DIR then holds the same file names as prebuilt/; copy them there after changing a source or this recipe.
 *
 * It compiles c/wt_sample.c twice with gcc (hardened and unhardened), builds rust/ (a PyO3 cdylib) with cargo offline
 * against Debian's vendored crates (librust-pyo3-dev, in /usr/share/cargo/registry), and writes four wheels with
 * correct RECORD files (one of them tampered after its RECORD was written, on purpose) plus index.txt listing them.
 *
 * Reproducible: the same toolchain (gcc and binutils, rustc and cargo, the JDK's zlib) gives byte-identical wheels
 * whatever the source and work directories. Wheels: fixed timestamps, sorted entries, sizes and CRCs known before each
 * entry, so no data descriptors. Binaries: no debug information, and no build path inside: gcc maps the source
 * directory away (-ffile-prefix-map), rustc the work directory (--remap-path-prefix, in CARGO_ENCODED_RUSTFLAGS, which
 * cargo keeps out of the symbol-name hash); the Rust dependencies come from the fixed registry path.
 */
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

public class BuildSamples {
  static final String PLATFORM = "x86_64";
  static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 1, 0, 0);

  public static void main(String[] args) throws Exception {
    Path src = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath();
    Path out = Path.of(args[2]);
    Files.createDirectories(work);
    Files.createDirectories(out);

    byte[] hardened = gcc(src, work, "hardened", List.of(
        "-O2", "-fstack-protector-strong", "-D_FORTIFY_SOURCE=2", "-fcf-protection",
        "-Wl,-z,relro,-z,now", "-Wl,-z,noexecstack"));
    byte[] unhardened = gcc(src, work, "unhardened", List.of(
        "-O0", "-fno-stack-protector", "-U_FORTIFY_SOURCE", "-Wl,-z,norelro", "-Wl,-z,lazy",
        "-Wl,-z,execstack", "-Wl,-rpath,/opt/wt/lib"));
    byte[] rust = cargo(src.resolve("rust"), work.resolve("rust"));

    List<String> index = new ArrayList<>();
    index.add(wheel(out, "wt_hardened", "cp311-cp311-manylinux_2_17_" + PLATFORM,
        "_native.cpython-311-x86_64-linux-gnu.so", hardened, false,
        "A C extension built with the usual hardening flags."));
    index.add(wheel(out, "wt_unhardened", "cp311-cp311-linux_" + PLATFORM,
        "_native.cpython-311-x86_64-linux-gnu.so", unhardened, false,
        "A C extension built without hardening: lazy binding, no RELRO, executable stack, absolute RPATH."));
    // Built against the host glibc (Debian 12), the Rust std needs GLIBC_2.34: the tag says so, honestly.
    index.add(wheel(out, "wt_rust", "cp37-abi3-manylinux_2_34_" + PLATFORM,
        "wt_rust.abi3.so", rust, false, "A Rust extension built with PyO3."));
    index.add(wheel(out, "wt_tampered", "cp311-cp311-manylinux_2_17_" + PLATFORM,
        "_native.cpython-311-x86_64-linux-gnu.so", hardened, true,
        "The hardened sample, with __init__.py changed after RECORD was written (tampered on purpose)."));
    Files.write(out.resolve("index.txt"), index, StandardCharsets.UTF_8);
  }

  static byte[] gcc(Path src, Path work, String flavour, List<String> flags) throws Exception {
    Path so = work.resolve("wt_" + flavour + ".so");
    List<String> cmd = new ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-Wall", "-ffile-prefix-map=" + src + "=.",
        "-DMODULE_NAME=_native", "-DFLAVOUR=\"" + flavour + "\"", "-o", so.toString(),
        src.resolve("c/wt_sample.c").toString()));
    cmd.addAll(flags);
    run(cmd, work, Map.of());
    return Files.readAllBytes(so);
  }

  static byte[] cargo(Path crate, Path work) throws Exception {
    // Copy the crate so the build writes nothing into the source tree, and point cargo at Debian's crates offline.
    Path copy = work.resolve("crate");
    Files.createDirectories(copy.resolve("src"));
    Files.createDirectories(copy.resolve(".cargo"));
    Files.copy(crate.resolve("Cargo.toml"), copy.resolve("Cargo.toml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(crate.resolve("src/lib.rs"), copy.resolve("src/lib.rs"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(copy.resolve(".cargo/config.toml"), String.join("\n",
        "[source.crates-io]", "replace-with = \"debian\"",
        "[source.debian]", "directory = \"/usr/share/cargo/registry\"",
        "[net]", "offline = true", ""));
    String cargo = System.getenv().getOrDefault("CARGO", "cargo");
    Path home = Path.of(System.getProperty("user.home"), ".cargo", "bin", "cargo");
    if (!onPath("cargo") && Files.isExecutable(home)) {
      cargo = home.toString();
    }
    // The environment's RUSTFLAGS and config rustflags give way to these (CARGO_ENCODED_RUSTFLAGS wins).
    run(List.of(cargo, "build", "--release", "--quiet"), copy, Map.of(
        "CARGO_TARGET_DIR", work.resolve("target").toString(),
        "CARGO_ENCODED_RUSTFLAGS", "--remap-path-prefix=" + work + "=/build"));
    return Files.readAllBytes(work.resolve("target/release/libwt_rust.so"));
  }

  static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  static void run(List<String> cmd, Path dir, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run " + cmd.get(0) + " (install it: see scripts/build-samples.sh): " + e.getMessage(), e);
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + output);
    }
  }

  static String wheel(Path out, String name, String tag, String soName, byte[] so, boolean tamper, String summary)
      throws Exception {
    String version = "1.0";
    String distInfo = name + "-" + version + ".dist-info/";
    Map<String, byte[]> files = new TreeMap<>();
    String init = "\"\"\"" + summary + "\"\"\"\n" + (soName.startsWith("_native")
        ? "from ._native import checksum, flavour\n"
        : "from .wt_rust import add\n");
    files.put(name + "/__init__.py", init.getBytes(StandardCharsets.UTF_8));
    files.put(name + "/" + soName, so);
    files.put(distInfo + "METADATA", String.join("\n",
        "Metadata-Version: 2.4", "Name: " + name, "Version: " + version,
        "Summary: wheeltapper sample: " + summary, "License-Expression: Apache-2.0",
        "Requires-Python: >=3.7", "", "A sample wheel built by wheeltapper from its own sources.", "")
        .getBytes(StandardCharsets.UTF_8));
    files.put(distInfo + "WHEEL", String.join("\n",
        "Wheel-Version: 1.0", "Generator: wheeltapper-samples (1.0)", "Root-Is-Purelib: false", "Tag: " + tag, "")
        .getBytes(StandardCharsets.UTF_8));

    StringBuilder record = new StringBuilder();
    for (var e : files.entrySet()) {
      record.append(e.getKey()).append(",sha256=").append(b64(sha256(e.getValue()))).append(',')
          .append(e.getValue().length).append('\n');
    }
    record.append(distInfo).append("RECORD,,\n");
    files.put(distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
    if (tamper) {
      files.put(name + "/__init__.py", (init + "import os; os.system('echo pwned')\n").getBytes(StandardCharsets.UTF_8));
    }

    String fileName = name + "-" + version + "-" + tag + ".whl";
    try (OutputStream os = Files.newOutputStream(out.resolve(fileName));
        ZipOutputStream zip = new ZipOutputStream(os)) {
      // dist-info last, as the wheel spec recommends.
      List<String> order = new ArrayList<>();
      files.keySet().stream().filter(k -> !k.startsWith(distInfo)).forEach(order::add);
      files.keySet().stream().filter(k -> k.startsWith(distInfo)).forEach(order::add);
      for (String path : order) {
        byte[] data = files.get(path);
        ZipEntry e = new ZipEntry(path);
        e.setTimeLocal(EPOCH);
        e.setMethod(ZipEntry.DEFLATED);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        e.setSize(data.length);
        e.setCompressedSize(deflatedSize(data));
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
      }
    }
    return fileName;
  }

  /** The size ZipOutputStream's own deflater produces, so the local header carries it and no data descriptor. */
  static long deflatedSize(byte[] data) {
    Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      d.setInput(data);
      d.finish();
      byte[] buf = new byte[8192];
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      while (!d.finished()) {
        sink.write(buf, 0, d.deflate(buf));
      }
      return sink.size();
    } finally {
      d.end();
    }
  }

  static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }

  static String b64(byte[] digest) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }
}
