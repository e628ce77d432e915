package dev.wheeltapper.cli.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A lossless, compressed serialized form of a tree of the project's immutable records, read back through their
 * canonical constructors: how the cache stores a whole report so that a replayed artifact renders byte for byte as
 * an audited one, in every format, without one hand-written field list per record that could fall behind the model
 * (a component added to a record is stored from then on; a stored form written before it no longer decodes, and the
 * cache then audits again).
 *
 * <p>What it writes: records as JSON objects by component name, in declaration order; a record whose class is not the
 * declared type (an implementation of a sealed interface) carries its class name under {@code "@"}; lists, sets and
 * optionals as arrays; maps as arrays of key/value pairs (order kept); enums by name; {@code byte[]} in Base64. Any
 * other type is refused when writing ({@link IllegalArgumentException}), so nothing is stored that would not come
 * back equal.
 *
 * <p>Reading is defensive, the database being a file anyone may have written: a class named under {@code "@"} is
 * loaded only when it is a record or enum of a {@code dev.wheeltapper} package assignable to the declared type;
 * anything else, a missing or unknown component, a bad value, more than {@link #MAX_INFLATED} bytes once inflated,
 * is a {@link CacheFormatException} (the caller then audits the artifact again).
 *
 * <pre>{@code
 * byte[] blob = RecordCodec.encode(report);
 * ArtifactReport back = RecordCodec.decode(blob, ArtifactReport.class);   // back.equals(report)
 * }</pre>
 *
 * <p>One class past the usual length on purpose: the writer and the reader of one format must change together.
 *
 * <p>Stateless and thread-safe.
 */
public final class RecordCodec {
  /** The most bytes a stored form may inflate to: far above any real report (a few hundred kB for torch). */
  public static final int MAX_INFLATED = 64 << 20;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build();
  private static final String PACKAGE = "dev.wheeltapper.";
  private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

  private RecordCodec() {}

  /**
   * The stored form of a record tree.
   *
   * @param value a record of the project
   * @return its deflated JSON form
   * @throws IllegalArgumentException when the tree holds a type the codec cannot bring back equal
   */
  public static byte[] encode(Record value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (OutputStream z = new DeflaterOutputStream(bytes, deflater); JsonGenerator g = FACTORY.createGenerator(z)) {
      write(g, value, value.getClass());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory", e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  /**
   * A record tree back from its stored form.
   *
   * @param <T> the record type
   * @param blob what {@link #encode} wrote
   * @param type the record type written
   * @return the record, equal to the one written
   * @throws CacheFormatException when the blob is not a stored form of that type
   */
  public static <T extends Record> T decode(byte[] blob, Class<T> type) throws CacheFormatException {
    try (InputStream in = new BoundedInput(new InflaterInputStream(new java.io.ByteArrayInputStream(blob)));
        JsonParser p = FACTORY.createParser(in)) {
      p.nextToken();
      Object v = read(p, type);
      if (p.nextToken() != null) {
        throw new CacheFormatException("trailing data after the stored report");
      }
      return type.cast(v);
    } catch (IOException | RuntimeException e) {
      throw e instanceof CacheFormatException c ? c : new CacheFormatException("unreadable stored report: " + e, e);
    }
  }

  private static void write(JsonGenerator g, Object v, Type declared) throws IOException {
    Class<?> raw = raw(declared);
    if (v == null) {
      throw new IllegalArgumentException("null in a record tree (declared " + declared + ")");
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      // the exact bits: a decimal round trip of a double is exact in Java, but NaN and infinities are not JSON
      g.writeNumber(Double.doubleToRawLongBits(((Number) v).doubleValue()));
    } else if (v instanceof Character c) {
      g.writeString(String.valueOf(c));
    } else if (v instanceof Enum<?> e && raw.isEnum()) {
      g.writeString(e.name());
    } else if (v instanceof Enum<?> e) {
      // an enum implementing an interface (a hardening check's value): its class travels with it
      g.writeStartObject();
      g.writeStringField("@", e.getDeclaringClass().getName());
      g.writeStringField("e", e.name());
      g.writeEndObject();
    } else if (v instanceof byte[] b) {
      g.writeString(Base64.getEncoder().encodeToString(b));
    } else if (v instanceof Optional<?> o) {
      g.writeStartArray();
      if (o.isPresent()) {
        write(g, o.get(), arg(declared, 0));
      }
      g.writeEndArray();
    } else if (v instanceof OptionalInt o) {
      writeOptionalNumber(g, o.isPresent(), o.isPresent() ? o.getAsInt() : 0);
    } else if (v instanceof OptionalLong o) {
      writeOptionalNumber(g, o.isPresent(), o.isPresent() ? o.getAsLong() : 0);
    } else if (v instanceof OptionalDouble o) {
      writeOptionalNumber(g, o.isPresent(), o.isPresent() ? Double.doubleToRawLongBits(o.getAsDouble()) : 0);
    } else if (v instanceof Collection<?> c && (raw == List.class || raw == Set.class || raw == Collection.class)) {
      g.writeStartArray();
      for (Object e : c) {
        write(g, e, arg(declared, 0));
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> m && raw == Map.class) {
      g.writeStartArray();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeStartArray();
        write(g, e.getKey(), arg(declared, 0));
        write(g, e.getValue(), arg(declared, 1));
        g.writeEndArray();
      }
      g.writeEndArray();
    } else if (v instanceof Record r) {
      g.writeStartObject();
      if (r.getClass() != raw) {
        g.writeStringField("@", r.getClass().getName());
      }
      Map<TypeVariable<?>, Type> bindings = bindings(r.getClass(), declared);
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        g.writeFieldName(c.getName());
        write(g, component(r, c), substitute(c.getGenericType(), bindings));
      }
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("the cache cannot store a " + v.getClass().getName() + " (declared "
          + declared + ")");
    }
  }

  private static void writeOptionalNumber(JsonGenerator g, boolean present, long n) throws IOException {
    g.writeStartArray();
    if (present) {
      g.writeNumber(n);
    }
    g.writeEndArray();
  }

  private static Object component(Record r, RecordComponent c) {
    try {
      java.lang.reflect.Method m = c.getAccessor();
      m.setAccessible(true);
      return m.invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalArgumentException("cannot read " + r.getClass().getName() + "." + c.getName(), e);
    }
  }

  private static Object read(JsonParser p, Type declared) throws IOException {
    Class<?> raw = raw(declared);
    JsonToken t = p.currentToken();
    if (raw == String.class) {
      return text(p, t);
    } else if (raw == boolean.class || raw == Boolean.class) {
      expect(t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE, "a boolean", declared);
      return t == JsonToken.VALUE_TRUE;
    } else if (raw == int.class || raw == Integer.class) {
      return Math.toIntExact(number(p, t, declared));
    } else if (raw == long.class || raw == Long.class) {
      return number(p, t, declared);
    } else if (raw == short.class || raw == Short.class) {
      return (short) Math.toIntExact(number(p, t, declared));
    } else if (raw == byte.class || raw == Byte.class) {
      return (byte) Math.toIntExact(number(p, t, declared));
    } else if (raw == double.class || raw == Double.class) {
      return Double.longBitsToDouble(number(p, t, declared));
    } else if (raw == float.class || raw == Float.class) {
      return (float) Double.longBitsToDouble(number(p, t, declared));
    } else if (raw == char.class || raw == Character.class) {
      String s = text(p, t);
      expect(s.length() == 1, "one character", declared);
      return s.charAt(0);
    } else if (raw.isEnum()) {
      return enumValue(raw, text(p, t));
    } else if (raw == byte[].class) {
      return Base64.getDecoder().decode(text(p, t));
    } else if (raw == Optional.class) {
      List<Object> items = array(p, t, arg(declared, 0));
      expect(items.size() <= 1, "at most one value", declared);
      return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    } else if (raw == OptionalInt.class || raw == OptionalLong.class || raw == OptionalDouble.class) {
      List<Object> items = array(p, t, long.class);
      expect(items.size() <= 1, "at most one value", declared);
      if (items.isEmpty()) {
        return raw == OptionalInt.class ? OptionalInt.empty() : raw == OptionalLong.class ? OptionalLong.empty()
            : OptionalDouble.empty();
      }
      long n = (Long) items.get(0);
      return raw == OptionalInt.class ? OptionalInt.of(Math.toIntExact(n)) : raw == OptionalLong.class
          ? OptionalLong.of(n) : OptionalDouble.of(Double.longBitsToDouble(n));
    } else if (raw == List.class || raw == Collection.class) {
      return array(p, t, arg(declared, 0));
    } else if (raw == Set.class) {
      return new LinkedHashSet<>(array(p, t, arg(declared, 0)));
    } else if (raw == Map.class) {
      expect(t == JsonToken.START_ARRAY, "an array of pairs", declared);
      Map<Object, Object> out = new LinkedHashMap<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        expect(p.currentToken() == JsonToken.START_ARRAY, "a pair", declared);
        p.nextToken();
        Object k = read(p, arg(declared, 0));
        p.nextToken();
        Object v = read(p, arg(declared, 1));
        expect(p.nextToken() == JsonToken.END_ARRAY, "a pair", declared);
        out.put(k, v);
      }
      return out;
    }
    return record(p, t, declared);
  }

  private static Object record(JsonParser p, JsonToken t, Type declaredType) throws IOException {
    Class<?> declared = raw(declaredType);
    expect(t == JsonToken.START_OBJECT, "an object", declared);
    JsonToken next = p.nextToken();
    Class<?> type = declared;
    if (next == JsonToken.FIELD_NAME && "@".equals(p.currentName())) {
      p.nextToken();
      type = allowed(p.getText(), declared);
      next = p.nextToken();
    }
    if (type.isEnum() && type != declared) {
      expect(next == JsonToken.FIELD_NAME && "e".equals(p.currentName()), "an enum's name", type);
      p.nextToken();
      Object e = enumValue(type, text(p, p.currentToken()));
      expect(p.nextToken() == JsonToken.END_OBJECT, "the end of an enum", type);
      return e;
    }
    expect(type.isRecord(), "a record type", type);
    RecordComponent[] components = type.getRecordComponents();
    Map<TypeVariable<?>, Type> bindings = bindings(type, declaredType);
    Object[] args = new Object[components.length];
    int i = 0;
    for (; next == JsonToken.FIELD_NAME; next = p.nextToken(), i++) {
      expect(i < components.length && components[i].getName().equals(p.currentName()),
          "component " + (i < components.length ? components[i].getName() : "(none)"), type);
      p.nextToken();
      args[i] = read(p, substitute(components[i].getGenericType(), bindings));
    }
    expect(next == JsonToken.END_OBJECT && i == components.length, "every component", type);
    try {
      return constructor(type).newInstance(args);
    } catch (InvocationTargetException e) {
      throw new CacheFormatException("the stored " + type.getSimpleName() + " is refused by its constructor: "
          + e.getCause(), e);
    } catch (ReflectiveOperationException e) {
      throw new CacheFormatException("cannot build a " + type.getName(), e);
    }
  }

  private static Constructor<?> constructor(Class<?> type) {
    return CONSTRUCTORS.computeIfAbsent(type, k -> {
      Class<?>[] params = java.util.Arrays.stream(k.getRecordComponents()).map(RecordComponent::getType)
          .toArray(Class<?>[]::new);
      try {
        Constructor<?> c = k.getDeclaredConstructor(params);
        c.setAccessible(true);
        return c;
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("a record without its canonical constructor: " + k, e);
      }
    });
  }

  /** The class a stored {@code "@"} names, only when it is one of the project's records assignable to the type. */
  private static Class<?> allowed(String name, Class<?> declared) throws CacheFormatException {
    if (!name.startsWith(PACKAGE)) {
      throw new CacheFormatException("a stored type outside the project: " + name);
    }
    try {
      Class<?> c = Class.forName(name, false, RecordCodec.class.getClassLoader());
      if (!(c.isRecord() || c.isEnum()) || !declared.isAssignableFrom(c)) {
        throw new CacheFormatException("a stored type that is not a " + declared.getName() + " record: " + name);
      }
      return c;
    } catch (ClassNotFoundException e) {
      throw new CacheFormatException("an unknown stored type: " + name, e);
    }
  }

  private static List<Object> array(JsonParser p, JsonToken t, Type element) throws IOException {
    expect(t == JsonToken.START_ARRAY, "an array", element);
    List<Object> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(read(p, element));
    }
    return out;
  }

  private static String text(JsonParser p, JsonToken t) throws IOException {
    expect(t == JsonToken.VALUE_STRING, "a string", String.class);
    return p.getText();
  }

  private static long number(JsonParser p, JsonToken t, Type declared) throws IOException {
    expect(t == JsonToken.VALUE_NUMBER_INT, "an integer", declared);
    return p.getLongValue();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String name) throws CacheFormatException {
    try {
      return Enum.valueOf((Class) type, name);
    } catch (IllegalArgumentException e) {
      throw new CacheFormatException("no " + type.getSimpleName() + " named " + name, e);
    }
  }

  private static void expect(boolean ok, String what, Type where) throws CacheFormatException {
    if (!ok) {
      throw new CacheFormatException("expected " + what + " for " + where.getTypeName());
    }
  }

  /** A generic record's type variables bound to the declared type's arguments ({@code Evidence<String>}). */
  private static Map<TypeVariable<?>, Type> bindings(Class<?> type, Type declared) {
    if (!(declared instanceof ParameterizedType p) || p.getRawType() != type) {
      return Map.of();
    }
    Map<TypeVariable<?>, Type> out = new java.util.HashMap<>();
    TypeVariable<?>[] vars = type.getTypeParameters();
    for (int i = 0; i < vars.length; i++) {
      out.put(vars[i], p.getActualTypeArguments()[i]);
    }
    return out;
  }

  /** A component's type with the record's type variables replaced by what they are bound to. */
  private static Type substitute(Type t, Map<TypeVariable<?>, Type> bindings) {
    if (bindings.isEmpty()) {
      return t;
    } else if (t instanceof TypeVariable<?> v && bindings.containsKey(v)) {
      return bindings.get(v);
    } else if (t instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments().clone();
      for (int i = 0; i < args.length; i++) {
        args[i] = substitute(args[i], bindings);
      }
      return new Parameterized((Class<?>) p.getRawType(), args);
    }
    return t;
  }

  /** A parameterized type built by {@link #substitute}. */
  private record Parameterized(Class<?> raw, Type[] args) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return args.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return null;
    }
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    } else if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    } else if (t instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    } else if (t instanceof GenericArrayType) {
      throw new IllegalArgumentException("the cache cannot store a generic array: " + t);
    }
    throw new IllegalArgumentException("the cache cannot store a type variable: " + t);
  }

  private static Type arg(Type t, int i) {
    if (t instanceof ParameterizedType p) {
      Type a = p.getActualTypeArguments()[i];
      return a instanceof WildcardType w ? w.getUpperBounds()[0] : a;
    }
    return Object.class;
  }

  /** An inflating stream that ends, with an exception, past {@link #MAX_INFLATED} bytes. */
  private static final class BoundedInput extends java.io.FilterInputStream {
    private long read;

    BoundedInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(Math.max(0, n));
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > MAX_INFLATED) {
        throw new CacheFormatException("a stored report larger than " + MAX_INFLATED + " bytes once inflated");
      }
    }
  }
}
