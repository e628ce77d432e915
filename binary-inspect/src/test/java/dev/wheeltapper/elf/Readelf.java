package dev.wheeltapper.elf;

import dev.wheeltapper.testing.NativeFixtures;
import dev.wheeltapper.testsupport.Oracles.Oracle;
import dev.wheeltapper.testsupport.Oracles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code readelf -W} output parsed into plain values, the oracle of the comparison tests. */
final class Readelf {
  record Shdr(int index, String name, String type, long addr, long off, long size, long es, String flags, long link,
      long info, long align) {}

  record Phdr(String type, long off, long vaddr, long paddr, long filesz, long memsz, String flags, long align) {}

  record Dyn(long tag, String name, String value) {}

  record Sym(int index, long value, String size, String type, String bind, String vis, String ndx, String name) {}

  record Need(String file, int cnt, List<String[]> aux) {}

  record Def(int rev, String flags, int index, int cnt, String name, List<String> parents) {}

  record NoteLine(String section, String owner, long size, String description) {}

  final Map<String, String> header = new LinkedHashMap<>();
  final List<Shdr> sections = new ArrayList<>();
  final List<Phdr> segments = new ArrayList<>();
  String interpreter;
  final List<Dyn> dynamic = new ArrayList<>();
  final List<Sym> dynsyms = new ArrayList<>();
  int dynsymDeclared = -1;
  final List<String> versym = new ArrayList<>();
  final List<Need> needs = new ArrayList<>();
  final List<Def> defs = new ArrayList<>();
  final List<NoteLine> notes = new ArrayList<>();

  private static final Pattern SHDR = Pattern.compile("^\\s*\\[\\s*(\\d+)\\]\\s(.*)$");
  private static final Pattern PHDR = Pattern.compile(
      "^\\s+(\\S+)\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)\\s([RWE ]{3})\\s0x([0-9a-f]+)$");
  private static final Pattern DYN = Pattern.compile("^\\s*0x([0-9a-f]+)\\s+\\((\\S+)\\)\\s+(.*)$");
  private static final Pattern SYM = Pattern.compile(
      "^\\s*(\\d+):\\s+([0-9a-f]+)\\s+(\\d+|0x[0-9a-f]+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(?:\\[[^\\]]*\\]\\s+)?(\\S+)(?: (.*))?$");
  private static final Pattern VERSYM = Pattern.compile("([0-9a-f]+)(h?)\\s*\\(([^)]*)\\)");
  private static final Pattern NEED = Pattern.compile("Version: (\\d+)\\s+File: (\\S+)\\s+Cnt: (\\d+)");
  private static final Pattern AUX = Pattern.compile("Name: (\\S+)\\s+Flags: (.*?)\\s+Version: (\\d+)");
  private static final Pattern DEF = Pattern.compile("Rev: (\\d+)\\s+Flags: (.*?)\\s+Index: (\\d+)\\s+Cnt: (\\d+)\\s+Name: (\\S+)");
  private static final Pattern PARENT = Pattern.compile("Parent \\d+: (\\S+)");
  private static final Pattern NOTE = Pattern.compile("^\\s+(\\S+)\\s+0x([0-9a-f]+)\\s+(.*)$");

  static Readelf of(Path file) {
    Oracles.require(Oracle.READELF);
    String out = NativeFixtures.run("readelf", "-W", "-h", "-S", "-l", "-d", "--dyn-syms", "-V", "-n", file.toString());
    return parse(out);
  }

  static Readelf parse(String text) {
    Readelf r = new Readelf();
    String mode = "";
    String noteSection = "";
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("ELF Header:")) {
        mode = "header";
        continue;
      } else if (line.startsWith("Section Headers:")) {
        mode = "sections";
        continue;
      } else if (line.startsWith("Program Headers:")) {
        mode = "segments";
        continue;
      } else if (line.startsWith(" Section to Segment mapping:")) {
        mode = "";
        continue;
      } else if (line.startsWith("Dynamic section at offset")) {
        mode = "dynamic";
        continue;
      } else if (line.startsWith("Symbol table '.dynsym'")) {
        mode = "dynsym";
        Matcher m = Pattern.compile("contains (\\d+) entr").matcher(line);
        if (m.find()) {
          r.dynsymDeclared = Integer.parseInt(m.group(1));
        }
        continue;
      } else if (line.startsWith("Version symbols section")) {
        mode = "versym";
        continue;
      } else if (line.startsWith("Version needs section")) {
        mode = "verneed";
        continue;
      } else if (line.startsWith("Version definition section")) {
        mode = "verdef";
        continue;
      } else if (line.startsWith("Displaying notes found")) {
        mode = "notes";
        int i = line.indexOf("in: ");
        noteSection = i >= 0 ? line.substring(i + 4).trim() : line;
        continue;
      } else if (line.startsWith("Key to Flags:") || line.startsWith("There are ")) {
        mode = "";
        continue;
      }
      switch (mode) {
        case "header": {
          int c = line.indexOf(':');
          if (c > 0) {
            r.header.put(line.substring(0, c).trim(), line.substring(c + 1).trim());
          }
          break;
        }
        case "sections": {
          Matcher m = SHDR.matcher(line);
          if (m.matches()) {
            r.sections.add(shdr(Integer.parseInt(m.group(1)), m.group(2)));
          }
          break;
        }
        case "segments": {
          Matcher m = PHDR.matcher(line);
          if (m.matches()) {
            r.segments.add(new Phdr(m.group(1), hex(m.group(2)), hex(m.group(3)), hex(m.group(4)), hex(m.group(5)),
                hex(m.group(6)), m.group(7), hex(m.group(8))));
          } else if (line.contains("[Requesting program interpreter: ")) {
            String s = line.substring(line.indexOf(": ") + 2);
            r.interpreter = s.substring(0, s.lastIndexOf(']'));
          }
          break;
        }
        case "dynamic": {
          Matcher m = DYN.matcher(line);
          if (m.matches()) {
            r.dynamic.add(new Dyn(Long.parseUnsignedLong(m.group(1), 16), m.group(2), m.group(3).trim()));
          }
          break;
        }
        case "dynsym": {
          Matcher m = SYM.matcher(line);
          if (m.matches()) {
            r.dynsyms.add(new Sym(Integer.parseInt(m.group(1)), Long.parseUnsignedLong(m.group(2), 16), m.group(3),
                m.group(4), m.group(5), m.group(6), m.group(7), m.group(8) == null ? "" : m.group(8)));
          } else if (line.matches("^\\s*\\d+:.*")) {
            throw new AssertionError("unparsed readelf symbol line: " + line);
          }
          break;
        }
        case "versym": {
          if (line.matches("^\\s+[0-9a-f]+:.*")) {
            Matcher m = VERSYM.matcher(line.substring(line.indexOf(':') + 1));
            while (m.find()) {
              r.versym.add(m.group(1) + m.group(2) + " " + m.group(3));
            }
          }
          break;
        }
        case "verneed": {
          Matcher n = NEED.matcher(line);
          Matcher a = AUX.matcher(line);
          if (n.find()) {
            r.needs.add(new Need(n.group(2), Integer.parseInt(n.group(3)), new ArrayList<>()));
          } else if (a.find()) {
            r.needs.get(r.needs.size() - 1).aux().add(new String[] {a.group(1), a.group(2), a.group(3)});
          }
          break;
        }
        case "verdef": {
          Matcher d = DEF.matcher(line);
          Matcher p = PARENT.matcher(line);
          if (d.find()) {
            r.defs.add(new Def(Integer.parseInt(d.group(1)), d.group(2), Integer.parseInt(d.group(3)),
                Integer.parseInt(d.group(4)), d.group(5), new ArrayList<>()));
          } else if (p.find()) {
            r.defs.get(r.defs.size() - 1).parents().add(p.group(1));
          }
          break;
        }
        case "notes": {
          if (line.trim().startsWith("Owner") || line.isBlank()) {
            break;
          }
          Matcher m = NOTE.matcher(line);
          if (m.matches() && !line.startsWith("\t")) {
            r.notes.add(new NoteLine(noteSection, m.group(1), hex(m.group(2)), m.group(3).trim()));
          } else if (!r.notes.isEmpty()) {
            NoteLine last = r.notes.remove(r.notes.size() - 1);
            r.notes.add(new NoteLine(last.section(), last.owner(), last.size(), last.description() + " | " + line.trim()));
          }
          break;
        }
        default:
          break;
      }
    }
    return r;
  }

  /** Splits a section line after {@code [Nr]}; the flags column may be empty, so the fields are read from the right. */
  private static Shdr shdr(int index, String rest) {
    List<String> t = new ArrayList<>(List.of(rest.trim().split("\\s+")));
    long align = Long.parseLong(t.remove(t.size() - 1));
    long info = Long.parseLong(t.remove(t.size() - 1));
    long link = Long.parseLong(t.remove(t.size() - 1));
    String flags = "";
    if (!t.get(t.size() - 1).matches("[0-9a-f]+")) {
      flags = t.remove(t.size() - 1);
    }
    long es = hex(t.remove(t.size() - 1));
    long size = hex(t.remove(t.size() - 1));
    long off = hex(t.remove(t.size() - 1));
    long addr = hex(t.remove(t.size() - 1));
    String type = t.remove(t.size() - 1);
    String name = String.join(" ", t);
    return new Shdr(index, name, type, addr, off, size, es, flags, link, info, align);
  }

  static long hex(String s) {
    return Long.parseUnsignedLong(s.startsWith("0x") ? s.substring(2) : s, 16);
  }
}
