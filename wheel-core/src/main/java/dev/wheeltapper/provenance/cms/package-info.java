/** RECORD.p7s: a detached CMS/PKCS#7 signature over the exact RECORD bytes, validated to caller-given X.509 anchors. */
package dev.wheeltapper.provenance.cms;
