/**
 * wheeltapper wheel-core: reads Python wheels into an immutable model, verifies their integrity and checks who vouches
 * for them.
 *
 * <p>Start with {@code dev.wheeltapper.wheel.Wheel} to read a wheel and {@code dev.wheeltapper.verify} to verify one.
 */
module dev.wheeltapper.core {
  // No exported type exposes a type of another module, so nothing here is transitive.
  requires org.apache.commons.compress;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.util;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.pg;
  requires org.slf4j;
  requires com.fasterxml.jackson.core;
  requires java.net.http;

  exports dev.wheeltapper.pep440;
  exports dev.wheeltapper.pep508;
  exports dev.wheeltapper.report;
  exports dev.wheeltapper.digest;
  exports dev.wheeltapper.wheel;
  exports dev.wheeltapper.wheel.metadata;
  exports dev.wheeltapper.wheel.record;
  exports dev.wheeltapper.wheel.sbom;
  exports dev.wheeltapper.zip;
  exports dev.wheeltapper.verify;
  exports dev.wheeltapper.format;
  exports dev.wheeltapper.provenance;
  exports dev.wheeltapper.provenance.trust;
  exports dev.wheeltapper.provenance.pep740;
  exports dev.wheeltapper.provenance.openpgp;
  exports dev.wheeltapper.provenance.jws;
  exports dev.wheeltapper.provenance.cms;
  exports dev.wheeltapper.index;
  exports dev.wheeltapper.index.check;
}
