package dev.wheeltapper.testing;

import dev.wheeltapper.testsupport.Oracles.Oracle;
import dev.wheeltapper.testsupport.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GNU {@code objdump -p} (Debian binutils reads PE through its pei-i386/pei-x86-64 targets) as the oracle for the PE
 * reader: the header fields, the data directories and the import table's DLL names.
 *
 * @param characteristics the COFF Characteristics
 * @param magic the optional header magic
 * @param imageBase ImageBase
 * @param checkSum CheckSum
 * @param dllCharacteristics DllCharacteristics
 * @param directories data directory index to {address, size}
 * @param dlls the import table's DLL names in order
 */
public record Objdump(int characteristics, int magic, long imageBase, long checkSum, int dllCharacteristics,
    Map<Integer, long[]> directories, List<String> dlls) {

  private static final Pattern FIELD = Pattern.compile("^(\\w+)\\s+(?:0x)?([0-9a-fA-F]+)");
  private static final Pattern DIR = Pattern.compile("^Entry ([0-9a-f]) ([0-9a-f]+) ([0-9a-f]+) ");

  /**
   * Runs {@code objdump -p} on a file.
   *
   * @param file the PE file
   * @return what objdump printed
   * @throws IOException when objdump cannot run or fails
   * @throws InterruptedException when interrupted
   */
  public static Objdump of(Path file) throws IOException, InterruptedException {
    Oracles.require(Oracle.OBJDUMP);
    Process p = new ProcessBuilder("objdump", "-p", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("objdump -p failed: " + out);
    }
    int ch = -1;
    int magic = -1;
    long base = -1;
    long sum = -1;
    int dll = -1;
    Map<Integer, long[]> dirs = new LinkedHashMap<>();
    List<String> dlls = new ArrayList<>();
    boolean imports = false;
    for (String line : out.split("\n")) {
      if (line.startsWith("The Import Tables")) {
        imports = true;
      } else if (line.startsWith("The ") && !line.startsWith("The Import")) {
        imports = false;
      }
      Matcher d = DIR.matcher(line);
      if (d.find()) {
        dirs.put(Integer.parseInt(d.group(1), 16), new long[] {Long.parseLong(d.group(2), 16),
            Long.parseLong(d.group(3), 16)});
        continue;
      }
      if (imports && line.trim().startsWith("DLL Name: ")) {
        dlls.add(line.trim().substring("DLL Name: ".length()));
        continue;
      }
      Matcher m = FIELD.matcher(line);
      if (m.find()) {
        long v = Long.parseUnsignedLong(m.group(2), 16);
        switch (m.group(1)) {
          case "Characteristics":
            ch = ch < 0 ? (int) v : ch;
            break;
          case "Magic":
            magic = (int) v;
            break;
          case "ImageBase":
            base = v;
            break;
          case "CheckSum":
            sum = v;
            break;
          case "DllCharacteristics":
            dll = (int) v;
            break;
          default:
            break;
        }
      }
    }
    return new Objdump(ch, magic, base, sum, dll, dirs, dlls);
  }
}
