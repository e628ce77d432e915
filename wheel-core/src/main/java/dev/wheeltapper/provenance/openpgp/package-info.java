/** Detached OpenPGP signatures over a whole wheel file ({@code NAME.whl.asc}) checked against a keyring. */
package dev.wheeltapper.provenance.openpgp;
